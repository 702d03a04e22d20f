namespace JetpackWhmcs.Licensing.Models;

/// <summary>
/// How to read one licence with its site: GET /license answers only the key, issue and revoke dates;
/// the list endpoint's item also carries the site and attach date. So the list is searched for the key
/// first and GET is the fallback. One rule for every reader (the engine's refresh, the admin's page).
/// </summary>
public static class LicenseWithSite
{
    /// <summary>The list query that finds <paramref name="licenseKey"/> (the API searches keys and sites).</summary>
    public static LicenseListQuery Query(string licenseKey) => new() { Search = licenseKey, Page = 1, PerPage = 10 };

    /// <summary>The item of <paramref name="page"/> whose key is exactly <paramref name="licenseKey"/>, or null.</summary>
    public static License? Find(LicensePage page, string licenseKey)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Items.FirstOrDefault(l => string.Equals(l.LicenseKey, licenseKey, StringComparison.Ordinal));
    }
}
