using System.Text;
using Dapper;

namespace JetpackWhmcs.Ledger.Sql;

/// <summary>
/// The SELECTs of one <see cref="LicensePageQuery"/> page: every term an indexed predicate, the keyset
/// cursor on the primary key, <c>ORDER BY id ... LIMIT n</c>. A state filter on active or revoked is
/// two SELECTs (our rows by <c>state</c>, the original module's rows by <c>revoked_at</c>): one OR
/// across both would keep either index from serving the order, and the database would sort every
/// matching row of a million to return fifty.
/// </summary>
internal static class LicensePageSql
{
    private const string T = LedgerSchema.LicensesTable;

    /// <summary>
    /// A prefix search matching at least this many rows reads the table in primary-key order: a page's
    /// rows are then found after a few thousand rows at most, while sorting every match would grow with
    /// the table (a key prefix of <c>jetpack-</c> matches all of it).
    /// </summary>
    public const int BroadSearchRows = 1000;

    /// <summary>True when the query searches by a prefix (whose breadth <see cref="Probe"/> measures).</summary>
    public static bool HasPrefixSearch(LicensePageQuery query) =>
        !string.IsNullOrEmpty(query.KeyPrefix) || !string.IsNullOrEmpty(query.SitePrefix);

    /// <summary>Counts the prefix search's matches up to <see cref="BroadSearchRows"/>, from the prefix's index alone.</summary>
    public static (string Sql, DynamicParameters Parameters) Probe(LicensePageQuery query, SearchDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT COUNT(*) FROM (SELECT 1 FROM {T} WHERE 1 = 1");
        var parameters = new DynamicParameters();
        AppendPrefixes(sql, parameters, query, dialect);
        sql.Append(" LIMIT @Cap) probe");
        parameters.Add("Cap", BroadSearchRows);
        return (sql.ToString(), parameters);
    }

    /// <summary>The SELECTs to run; the page is the first <see cref="LicensePageQuery.Limit"/> rows of their union in the query's order.</summary>
    /// <param name="query">The page asked for.</param>
    /// <param name="dialect">The database's way of writing the searches.</param>
    /// <param name="broad">True when the prefix search matches many rows: walk the primary key.</param>
    public static IReadOnlyList<(string Sql, DynamicParameters Parameters)> Build(LicensePageQuery query, SearchDialect dialect, bool broad)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. StateBranches(query.State).Select(branch => One(query, branch, dialect, broad))];
    }

    private static string?[] StateBranches(LicenseState? state) => state switch
    {
        null => [null],
        LicenseState.Active => [$"state = '{DbValues.Active}'", "state IS NULL AND revoked_at IS NULL"],
        LicenseState.Revoked => [$"state = '{DbValues.Revoked}'", "state IS NULL AND revoked_at IS NOT NULL"],
        _ => [$"state = '{DbValues.StateName(state.Value)}'"],
    };

    private static (string Sql, DynamicParameters Parameters) One(LicensePageQuery query, string? stateBranch, SearchDialect dialect, bool broad)
    {
        var sql = new StringBuilder($"SELECT {LedgerStatements.RowColumns} FROM {T}{(broad ? dialect.PrimaryKeyOrder : "")} WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (query.After is { } after)
        {
            sql.Append(query.NewestFirst ? " AND id < @After" : " AND id > @After");
            parameters.Add("After", after);
        }

        if (stateBranch is not null)
        {
            sql.Append(" AND ").Append(stateBranch);
        }

        AppendPrefixes(sql, parameters, query, dialect);
        Equal("service_id", "ServiceId", query.ServiceId);
        Equal("addon_id", "AddonId", query.AddonId);
        if (query.ServiceIds is { } serviceIds)
        {
            sql.Append(" AND service_id IN @ServiceIds");
            parameters.Add("ServiceIds", serviceIds.Distinct().ToArray());
        }

        Equal("product_slug", "ProductSlug", query.ProductSlug);
        Equal("token_fingerprint", "TokenFingerprint", query.TokenFingerprint);
        sql.Append(query.NewestFirst ? " ORDER BY id DESC" : " ORDER BY id").Append(" LIMIT @Limit");
        parameters.Add("Limit", query.Limit);
        return (sql.ToString(), parameters);

        void Equal(string column, string name, object? value)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(column).Append(" = @").Append(name);
                parameters.Add(name, value);
            }
        }
    }

    private static void AppendPrefixes(StringBuilder sql, DynamicParameters parameters, LicensePageQuery query, SearchDialect dialect)
    {
        if (!string.IsNullOrEmpty(query.KeyPrefix))
        {
            sql.Append(" AND ").Append(dialect.Predicate("license_key", "Key", query.KeyPrefix, parameters));
        }

        if (!string.IsNullOrEmpty(query.SitePrefix))
        {
            var sites = SitePrefixes(query.SitePrefix).Select((site, i) => dialect.Predicate("attached_site", $"Site{i}", site, parameters));
            sql.Append(" AND (").Append(string.Join(" OR ", sites)).Append(')');
        }
    }

    /// <summary>The site as typed, or with both schemes when it has none (<c>example.com</c> finds <c>https://example.com/blog</c>).</summary>
    private static string[] SitePrefixes(string site) =>
        site.Contains("://", StringComparison.Ordinal) ? [site] : ["https://" + site, "http://" + site];
}
