using System.Globalization;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>
/// GET /licenses: filter, search, sort and page. Ties in the sort field are broken by licence id in
/// the same direction, so the order is total and paging never repeats or skips a licence.
/// </summary>
internal static class LicenseListEndpoint
{
    private const int DefaultPerPage = 100;

    public static SandboxResponse List(SandboxCall call)
    {
        var filter = call.Query("filter");
        Func<SandboxLicense, bool> keep = filter switch
        {
            null or "" => _ => true,
            "not_revoked" => l => !l.IsRevoked,
            "attached" => l => !l.IsRevoked && l.IsAttached,
            "detached" => l => !l.IsRevoked && !l.IsAttached,
            "revoked" => l => l.IsRevoked,
            _ => null!,
        };
        if (keep is null)
        {
            return Invalid("filter", "one of not_revoked, attached, detached, revoked");
        }

        var sortField = call.Query("sort_field");
        Func<SandboxLicense, DateTimeOffset?> sortKey = sortField switch
        {
            null or "" or "issued_at" => l => l.IssuedAt,
            "attached_at" => l => l.AttachedAt,
            "revoked_at" => l => l.RevokedAt,
            _ => null!,
        };
        if (sortKey is null)
        {
            return Invalid("sort_field", "one of issued_at, attached_at, revoked_at");
        }

        var direction = call.Query("sort_direction");
        if (direction is not (null or "" or "asc" or "desc"))
        {
            return Invalid("sort_direction", "asc or desc");
        }

        if (!TryPositive(call.Query("page"), 1, int.MaxValue, out var page))
        {
            return Invalid("page", "a whole number from 1");
        }

        var maxPerPage = call.Options.MaxPerPage;
        if (!TryPositive(call.Query("per_page"), Math.Min(DefaultPerPage, maxPerPage), maxPerPage, out var perPage))
        {
            return Invalid("per_page", $"a whole number from 1 to {maxPerPage}");
        }

        var search = call.Query("search");
        IEnumerable<SandboxLicense> matches = call.Store.LicensesOf(call.Token).Where(keep);
        if (!string.IsNullOrEmpty(search))
        {
            matches = matches.Where(l =>
                l.LicenseKey.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (l.SiteUrl?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        // Licences without the sort date (never attached, not revoked) count as the earliest. The
        // store keeps licences in id order, so the default issue-time order usually needs no sort at
        // all: a linear check keeps pages of a large list cheap for benchmarks.
        var all = matches.Select(l => new SortRow(sortKey(l)?.UtcTicks ?? long.MinValue, l)).ToArray();
        if (!IsAscending(all))
        {
            Array.Sort(all, static (x, y) => x.CompareTo(y));
        }

        if (direction != "asc")
        {
            Array.Reverse(all);
        }

        var totalPages = (all.Length + perPage - 1) / perPage;
        var items = page > totalPages
            ? []
            : all.Skip((int)Math.Min((long)(page - 1) * perPage, int.MaxValue)).Take(perPage).Select(r => ApiJson.ListItem(r.License)).ToList();
        return SandboxResponse.Ok(new LicensePageBody(items, page, items.Count, perPage, all.Length, totalPages));
    }

    private static bool IsAscending(SortRow[] rows)
    {
        for (var i = 1; i < rows.Length; i++)
        {
            if (rows[i - 1].CompareTo(rows[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryPositive(string? raw, int fallback, int max, out int value)
    {
        if (string.IsNullOrEmpty(raw))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
    }

    private static ApiError Invalid(string name, string expected) =>
        new(400, "rest_invalid_param", $"Invalid parameter(s): {name} (expected {expected}).");
}
