namespace JetpackWhmcs.Service.Admin.Pages.Licenses;

/// <summary>What the search box of the licence list searches (<c>by</c> in the query).</summary>
public enum LicenseSearchField
{
    /// <summary>The start of the licence key.</summary>
    Key,

    /// <summary>The start of the attached site.</summary>
    Domain,

    /// <summary>A WHMCS service id (its licences and its addons').</summary>
    Service,

    /// <summary>A WHMCS addon id.</summary>
    Addon,

    /// <summary>The start of a client's name, company or e-mail address (WHMCS's tables).</summary>
    Client,
}
