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
    /// A predicate matching at least this many rows is broad. When every predicate of a page is broad
    /// (a key prefix like <c>jetpack-</c>, the active state, the one product most licences are of, a
    /// token), the page walks the primary key in order and meets its rows within a few thousand; left
    /// to itself, a database may instead read every match from one predicate's index and look the
    /// others up row by row (MariaDB did, 2 s for a deep page filtered by token and product at a
    /// million rows). With one narrow predicate, its index finds the few matches directly.
    /// </summary>
    public const int BroadRows = 1000;

    /// <summary>
    /// One query per predicate whose breadth decides the plan, each answering a row only when the
    /// predicate matches at least <see cref="BroadRows"/> rows, from its own index. Empty when the page has a predicate
    /// that is narrow by nature (a service or addon id) or none at all.
    /// </summary>
    public static IReadOnlyList<(string Sql, DynamicParameters Parameters)> Probes(LicensePageQuery query, SearchDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(dialect);
        if (query.ServiceId is not null || query.AddonId is not null || query.ServiceIds is not null)
        {
            return [];
        }

        var probes = new List<(string, DynamicParameters)>();
        if (!string.IsNullOrEmpty(query.KeyPrefix))
        {
            Add(p => dialect.Predicate("license_key", "Key", query.KeyPrefix, p));
        }

        if (!string.IsNullOrEmpty(query.SitePrefix))
        {
            Add(p => "(" + string.Join(" OR ", SitePrefixes(query.SitePrefix).Select((site, i) => dialect.Predicate("attached_site", $"Site{i}", site, p))) + ")");
        }

        if (query.State is { } state)
        {
            Add(_ => $"state = '{DbValues.StateName(state)}'");
        }

        if (query.ProductSlug is { } slug)
        {
            Add(p =>
            {
                p.Add("ProductSlug", slug);
                return "product_slug = @ProductSlug";
            });
        }

        if (query.TokenFingerprint is { } fingerprint)
        {
            Add(p =>
            {
                p.Add("TokenFingerprint", fingerprint);
                return "token_fingerprint = @TokenFingerprint";
            });
        }

        return probes;

        void Add(Func<DynamicParameters, string> predicate)
        {
            var parameters = new DynamicParameters();
            parameters.Add("Skip", BroadRows - 1);
            // The thousandth match's id, or nothing: no derived table, an index-only read of at most a thousand entries.
            probes.Add(($"SELECT id FROM {T} WHERE {predicate(parameters)} LIMIT 1 OFFSET @Skip", parameters));
        }
    }

    /// <summary>The SELECTs to run; the page is the first <see cref="LicensePageQuery.Limit"/> rows of their union in the query's order.</summary>
    /// <param name="query">The page asked for.</param>
    /// <param name="dialect">The database's way of writing the searches.</param>
    /// <param name="broad">True when every predicate matches many rows (<see cref="Probes"/>): walk the primary key.</param>
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
        var stateAlone = stateBranch is not null && string.IsNullOrEmpty(query.KeyPrefix) && string.IsNullOrEmpty(query.SitePrefix)
            && query.ServiceId is null && query.AddonId is null && query.ServiceIds is null && query.ProductSlug is null && query.TokenFingerprint is null;
        var order = broad ? dialect.PrimaryKeyOrder : stateAlone ? dialect.StateIndexOrder : "";
        var sql = new StringBuilder($"SELECT {LedgerStatements.RowColumns} FROM {T}{order} WHERE 1 = 1");
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
