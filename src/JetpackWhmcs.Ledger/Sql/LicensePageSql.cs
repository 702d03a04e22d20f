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

    /// <summary>The SELECTs to run; the page is the first <see cref="LicensePageQuery.Limit"/> rows of their union in the query's order.</summary>
    public static IReadOnlyList<(string Sql, DynamicParameters Parameters)> Build(LicensePageQuery query, PrefixMatch prefixes)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. StateBranches(query.State).Select(branch => One(query, branch, prefixes))];
    }

    private static string?[] StateBranches(LicenseState? state) => state switch
    {
        null => [null],
        LicenseState.Active => [$"state = '{DbValues.Active}'", "state IS NULL AND revoked_at IS NULL"],
        LicenseState.Revoked => [$"state = '{DbValues.Revoked}'", "state IS NULL AND revoked_at IS NOT NULL"],
        _ => [$"state = '{DbValues.StateName(state.Value)}'"],
    };

    private static (string Sql, DynamicParameters Parameters) One(LicensePageQuery query, string? stateBranch, PrefixMatch prefixes)
    {
        var sql = new StringBuilder($"SELECT {LedgerStatements.RowColumns} FROM {T} WHERE 1 = 1");
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

        if (!string.IsNullOrEmpty(query.KeyPrefix))
        {
            sql.Append(" AND ").Append(prefixes.Predicate("license_key", "Key", query.KeyPrefix, parameters));
        }

        if (!string.IsNullOrEmpty(query.SitePrefix))
        {
            var sites = SitePrefixes(query.SitePrefix).Select((site, i) => prefixes.Predicate("attached_site", $"Site{i}", site, parameters));
            sql.Append(" AND (").Append(string.Join(" OR ", sites)).Append(')');
        }

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

    /// <summary>The site as typed, or with both schemes when it has none (<c>example.com</c> finds <c>https://example.com/blog</c>).</summary>
    private static string[] SitePrefixes(string site) =>
        site.Contains("://", StringComparison.Ordinal) ? [site] : ["https://" + site, "http://" + site];
}
