using System.Text;

namespace JetpackWhmcs.Service.Admin.Rendering;

/// <summary>
/// Where the links and forms of a rendered page point. Inside WHMCS: the addon's <c>modulelink</c>
/// (<c>addonmodules.php?module=jetpack</c>) with <c>page</c> and the page's own parameters, and WHMCS's
/// client and service pages. Standalone: the service's own <c>/ui/{page}</c>, with no WHMCS to link to.
/// Pages never build a URL themselves, so the same component renders in both places.
/// </summary>
public sealed class AdminLinks
{
    private readonly string path;
    private readonly IReadOnlyList<KeyValuePair<string, string>> fixedQuery;

    private AdminLinks(string path, IReadOnlyList<KeyValuePair<string, string>> fixedQuery, bool insideWhmcs)
    {
        this.path = path;
        this.fixedQuery = fixedQuery;
        InsideWhmcs = insideWhmcs;
    }

    /// <summary>True inside WHMCS's admin area (links to WHMCS's own pages exist there).</summary>
    public bool InsideWhmcs { get; }

    /// <summary>Links for pages embedded by the addon module; <paramref name="moduleLink"/> is <c>$vars['modulelink']</c>.</summary>
    public static AdminLinks ForWhmcs(string moduleLink)
    {
        ArgumentException.ThrowIfNullOrEmpty(moduleLink);
        var question = moduleLink.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? moduleLink : moduleLink[..question];
        var query = question < 0 ? [] : moduleLink[(question + 1)..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""))
            .ToList();
        return new AdminLinks(path, query, insideWhmcs: true);
    }

    /// <summary>Links for the standalone pages the service serves itself under <paramref name="basePath"/>.</summary>
    public static AdminLinks ForStandalone(string basePath = "/ui") => new(basePath.TrimEnd('/') + "/", [], insideWhmcs: false);

    /// <summary>The link to <paramref name="page"/> with <paramref name="query"/> (null or empty values are left out).</summary>
    public string Page(string page, params (string Key, string? Value)[] query)
    {
        ArgumentException.ThrowIfNullOrEmpty(page);
        var pairs = new List<KeyValuePair<string, string>>(fixedQuery);
        var target = path;
        if (InsideWhmcs)
        {
            pairs.Add(new("page", page));
        }
        else
        {
            target += Uri.EscapeDataString(page);
        }

        pairs.AddRange(query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string>(q.Key, q.Value!)));
        return pairs.Count == 0 ? target : target + "?" + Encode(pairs);
    }

    /// <summary>
    /// Where a GET form (search, filters) submits: a browser drops the query of a GET form's action, so
    /// the fixed parameters (<c>module</c>, <c>page</c>) travel as hidden fields instead.
    /// </summary>
    public GetFormTarget GetForm(string page)
    {
        ArgumentException.ThrowIfNullOrEmpty(page);
        return InsideWhmcs
            ? new GetFormTarget(path, [.. fixedQuery, new("page", page)])
            : new GetFormTarget(path + Uri.EscapeDataString(page), []);
    }

    /// <summary>WHMCS's client summary page, or null outside WHMCS.</summary>
    public string? WhmcsClient(long clientId) => InsideWhmcs ? $"clientssummary.php?userid={clientId}" : null;

    /// <summary>WHMCS's page of a service (or of an addon on it), or null outside WHMCS.</summary>
    public string? WhmcsService(long clientId, long serviceId, long? addonId = null) =>
        !InsideWhmcs ? null
        : addonId is { } addon ? $"clientsservices.php?userid={clientId}&id={serviceId}&aid={addon}"
        : $"clientsservices.php?userid={clientId}&id={serviceId}";

    private static string Encode(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            text.Append(text.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }
}
