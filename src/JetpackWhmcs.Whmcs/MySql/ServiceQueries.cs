using Dapper;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Whmcs.Services;
using JetpackWhmcs.Whmcs.Tokens;
using MySqlConnector;

namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>Reads Jetpack services and addons, alone and beside the ledger, on an open connection.</summary>
internal static class ServiceQueries
{
    private const int MaxIdsPerQuery = 500;
    private static readonly object Module = new { Module = WhmcsTables.ModuleName };

    public static async Task<IReadOnlyList<OwnerStatus>> StatusesAsync(MySqlConnection connection, IReadOnlyCollection<LicenseOwner> owners, CancellationToken ct)
    {
        var statuses = new List<OwnerStatus>();
        foreach (var (kind, sql) in new[] { (OwnerKind.Service, ServiceStatements.ServiceStatuses), (OwnerKind.Addon, ServiceStatements.AddonStatuses) })
        {
            foreach (var chunk in owners.Where(o => o.Kind == kind).Select(o => o.Id).Distinct().Chunk(MaxIdsPerQuery))
            {
                var rows = await connection.QueryAsync<(long Id, string? Status)>(new CommandDefinition(sql, new { Ids = chunk }, cancellationToken: ct));
                statuses.AddRange(rows.Select(r => new OwnerStatus(new LicenseOwner(kind, r.Id), r.Status ?? "")));
            }
        }

        return statuses;
    }

    public static async Task<IReadOnlyList<ActiveServiceCount>> CountActiveAsync(MySqlConnection connection, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(ServiceStatements.ActiveServiceCounts, Module, cancellationToken: ct));
        return [.. rows.Select(r => new ActiveServiceCount(r.Kind == "addon" ? ModuleEntity.Addon : ModuleEntity.Product, r.Id, r.CurrencyId, r.BillingCycle ?? "", r.Count))];
    }

    public static async Task<IReadOnlyList<EndedServiceLicense>> EndedWithLiveLicenseAsync(MySqlConnection connection, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<ServiceRow>(new CommandDefinition(ServiceStatements.EndedWithLiveLicense, Module, cancellationToken: ct));
        return [.. rows.Select(r => new EndedServiceLicense(Service(r), r.LicenseRowId, r.LicenseKey ?? "", r.TokenFingerprint))];
    }

    public static async Task<IReadOnlyList<JetpackService>> ActiveWithoutLicenseAsync(MySqlConnection connection, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<ServiceRow>(new CommandDefinition(ServiceStatements.ActiveWithoutLicense, Module, cancellationToken: ct));
        return [.. rows.Select(Service)];
    }

    private static JetpackService Service(ServiceRow row) => new(
        row.Kind == "addon" ? LicenseOwner.Addon(row.Id) : LicenseOwner.Service(row.Id),
        row.ServiceId, row.OrderId, row.ProductId, row.CatalogId, row.ClientId, row.Status ?? "", row.Domain ?? "");
}
