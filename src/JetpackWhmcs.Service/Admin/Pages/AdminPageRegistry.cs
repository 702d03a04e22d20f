using JetpackWhmcs.Service.Admin.Pages.Costs;
using JetpackWhmcs.Service.Admin.Pages.Drift;
using JetpackWhmcs.Service.Admin.Pages.License;
using JetpackWhmcs.Service.Admin.Pages.Licenses;
using JetpackWhmcs.Service.Admin.Pages.Products;

namespace JetpackWhmcs.Service.Admin.Pages;

/// <summary>
/// Every admin page, one line each: adding a page is adding its component and a line here. The
/// sidebar, the standalone menu and both ways in (the addon's <c>page</c> parameter, <c>/ui/{page}</c>) read it.
/// </summary>
public static class AdminPageRegistry
{
    /// <summary>The page shown when none is named.</summary>
    public const string DefaultPage = "licenses";

    /// <summary>The pages, in menu order.</summary>
    public static IReadOnlyList<AdminPage> All { get; } =
    [
        new("licenses", "Licences", typeof(LicensesPage)),
        new("license", "Licence", typeof(LicensePage), InMenu: false),
        new("drift", "Drift", typeof(DriftPage)),
        new("costs", "Costs and margins", typeof(CostsPage)),
        new("products", "Products", typeof(ProductsPage)),
    ];

    /// <summary>The page named <paramref name="name"/> (the default page for null or empty), or null when there is none.</summary>
    public static AdminPage? Find(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? All.First(p => p.Name == DefaultPage)
            : All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.Ordinal));
}
