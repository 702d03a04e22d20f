namespace JetpackWhmcs.Whmcs;

/// <summary>
/// The WHMCS tables and values jetpack-whmcs relies on (WHMCS's schema, not ours: we never create or
/// migrate them), for the SQL in <c>MySql/</c> and for tests that restate them.
/// </summary>
public static class WhmcsTables
{
    /// <summary>The module name the original and our module share: <c>tblproducts.servertype</c>, <c>tbladdons.module</c>.</summary>
    public const string ModuleName = "jetpack";

    /// <summary>Products: <c>id</c>, <c>servertype</c>, <c>configoption1..24</c> (ours: 1 token, 2 product, 3 show licence).</summary>
    public const string Products = "tblproducts";

    /// <summary>Product addons: <c>id</c>, <c>module</c>.</summary>
    public const string Addons = "tbladdons";

    /// <summary>An addon's module settings: <c>entity_type</c> (<c>addon</c>), <c>entity_id</c>, <c>setting_name</c>, <c>value</c>.</summary>
    public const string ModuleConfiguration = "tblmodule_configuration";

    /// <summary>Services: <c>id</c>, <c>userid</c>, <c>packageid</c>, <c>domain</c>, <c>domainstatus</c>.</summary>
    public const string Services = "tblhosting";

    /// <summary>Addons on services: <c>id</c>, <c>hostingid</c>, <c>addonid</c>, <c>status</c>.</summary>
    public const string ServiceAddons = "tblhostingaddons";

    /// <summary>Clients: <c>id</c>, <c>firstname</c>, <c>lastname</c>, <c>companyname</c>, <c>email</c>, <c>currency</c>.</summary>
    public const string Clients = "tblclients";

    /// <summary>Prices: <c>type</c>, <c>relid</c>, <c>currency</c>, one column per cycle.</summary>
    public const string Pricing = "tblpricing";

    /// <summary>Currencies: <c>id</c>, <c>code</c>, <c>prefix</c>, <c>suffix</c>, <c>default</c>.</summary>
    public const string Currencies = "tblcurrencies";

    /// <summary>Addon modules' settings: <c>module</c>, <c>setting</c>, <c>value</c>.</summary>
    public const string AddonModules = "tbladdonmodules";

    /// <summary>Admins: <c>id</c>, <c>roleid</c> (the admin role, which the addon's Access Control lists), <c>username</c>.</summary>
    public const string Admins = "tbladmins";

    /// <summary>The addon module's setting (<c>tbladdonmodules</c>) where WHMCS's Access Control keeps the allowed role ids, comma-separated.</summary>
    public const string AccessSetting = "access";

    /// <summary>The setting that holds the partner token, on products and addons alike.</summary>
    public const string TokenSetting = "configoption1";
}
