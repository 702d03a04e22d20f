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

    /// <summary>Clients: <c>id</c>, <c>firstname</c>, <c>lastname</c>, <c>companyname</c>, <c>email</c>.</summary>
    public const string Clients = "tblclients";

    /// <summary>Services: <c>id</c>, <c>userid</c>, <c>domain</c>, <c>domainstatus</c>.</summary>
    public const string Services = "tblhosting";

    /// <summary>The setting that holds the partner token, on products and addons alike.</summary>
    public const string TokenSetting = "configoption1";
}
