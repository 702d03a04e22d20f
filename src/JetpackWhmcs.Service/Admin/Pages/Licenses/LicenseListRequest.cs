using System.Globalization;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Service.Admin.Pages.Licenses;

/// <summary>
/// The licence list's query parameters, read and checked: <c>q</c> and <c>by</c> (search), <c>state</c>,
/// <c>product</c>, <c>fingerprint</c> (filters), <c>sort</c> and <c>after</c> (the keyset cursor).
/// A value that makes no sense is a sentence for the page, not an exception.
/// </summary>
public sealed record LicenseListRequest
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    private const int MaxTextLength = 255;

    /// <summary>The search text as typed (trimmed), or null.</summary>
    public string? Search { get; init; }

    /// <summary>What the search text is matched against.</summary>
    public LicenseSearchField By { get; init; } = LicenseSearchField.Key;

    /// <summary>The state filter.</summary>
    public LicenseState? State { get; init; }

    /// <summary>The product filter.</summary>
    public string? Product { get; init; }

    /// <summary>The token fingerprint filter.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>Newest first (the default) or oldest first.</summary>
    public bool NewestFirst { get; init; } = true;

    /// <summary>The keyset cursor: the id of the last row of the previous page.</summary>
    public long? After { get; init; }

    /// <summary>Why the parameters cannot be used (shown instead of rows), or null.</summary>
    public string? Problem { get; init; }

    /// <summary>Reads the parameters of <paramref name="page"/>.</summary>
    public static LicenseListRequest Read(AdminPageContext page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = new List<string>();
        var by = page.QueryValue("by") is { } byText
            ? Enum.TryParse<LicenseSearchField>(byText, ignoreCase: true, out var field) && Enum.IsDefined(field) ? field : Bad<LicenseSearchField?>($"'{byText}' is not a search field (key, domain, service, addon or client)")
            : LicenseSearchField.Key;
        var state = page.QueryValue("state") is { } stateText
            ? Enum.TryParse<LicenseState>(stateText, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : Bad<LicenseState?>($"'{stateText}' is not a licence state (pending, active, revoked or unassigned)")
            : null;
        var after = page.QueryValue("after") is { } afterText
            ? long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : Bad<long?>("the page link is damaged (after is not a row id): start again from the first page")
            : null;
        var search = Text(page.QueryValue("q"), "the search text");
        if (search is not null && by is LicenseSearchField.Service or LicenseSearchField.Addon
            && !long.TryParse(search, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            problems.Add($"a {by.ToString()!.ToLowerInvariant()} id is a number, and '{search}' is not one");
        }

        return new LicenseListRequest
        {
            Search = search,
            By = by ?? LicenseSearchField.Key,
            State = state,
            Product = Text(page.QueryValue("product"), "the product"),
            Fingerprint = Text(page.QueryValue("fingerprint"), "the token fingerprint"),
            NewestFirst = !string.Equals(page.QueryValue("sort"), "oldest", StringComparison.OrdinalIgnoreCase),
            After = after,
            Problem = problems.Count == 0 ? null : "The search cannot run: " + string.Join("; ", problems) + ".",
        };

        T Bad<T>(string problem)
        {
            problems.Add(problem);
            return default!;
        }

        string? Text(string? value, string what)
        {
            if (value is { Length: > MaxTextLength })
            {
                problems.Add($"{what} is longer than {MaxTextLength} characters");
                return null;
            }

            return value;
        }
    }

    /// <summary>The ledger query of this request (one row more than a page, to know whether a next page exists).</summary>
    public LicensePageQuery ToLedgerQuery(IReadOnlyCollection<long>? clientServiceIds) => new()
    {
        KeyPrefix = By == LicenseSearchField.Key ? Search : null,
        SitePrefix = By == LicenseSearchField.Domain ? Search : null,
        ServiceId = By == LicenseSearchField.Service && Search is not null ? long.Parse(Search, CultureInfo.InvariantCulture) : null,
        AddonId = By == LicenseSearchField.Addon && Search is not null ? long.Parse(Search, CultureInfo.InvariantCulture) : null,
        ServiceIds = By == LicenseSearchField.Client && Search is not null ? clientServiceIds ?? [] : null,
        State = State,
        ProductSlug = Product,
        TokenFingerprint = Fingerprint,
        NewestFirst = NewestFirst,
        After = After,
        Limit = PageSize + 1,
    };

    /// <summary>The query parameters of this request, for links that keep the search and filters.</summary>
    public (string Key, string? Value)[] LinkParameters(long? after = null) =>
    [
        ("q", Search),
        ("by", Search is null ? null : By.ToString().ToLowerInvariant()),
        ("state", State?.ToString().ToLowerInvariant()),
        ("product", Product),
        ("fingerprint", Fingerprint),
        ("sort", NewestFirst ? null : "oldest"),
        ("after", after?.ToString(CultureInfo.InvariantCulture)),
    ];
}
