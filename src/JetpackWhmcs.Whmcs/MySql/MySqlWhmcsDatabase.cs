using Dapper;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Whmcs.Catalog;
using JetpackWhmcs.Whmcs.ClientArea;
using JetpackWhmcs.Whmcs.Clients;
using JetpackWhmcs.Whmcs.Pricing;
using JetpackWhmcs.Whmcs.Services;
using JetpackWhmcs.Whmcs.Tokens;
using MySqlConnector;

namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>
/// WHMCS's tables on its MySQL/MariaDB database. Sessions keep the server's time zone, unlike the
/// ledger's UTC sessions: WHMCS writes its dates in server-local time and reads them back the same way.
/// </summary>
internal sealed class MySqlWhmcsDatabase(string connectionString, string description) : IWhmcsDatabase
{
    public async Task<WhmcsAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await AvailabilityAsync(connection, TokenStatements.Tables, cancellationToken);
    }

    public Task<WhmcsAnswer<IReadOnlyList<ModuleToken>>> ReadJetpackTokensAsync(CancellationToken cancellationToken = default) =>
        WithTablesAsync<IReadOnlyList<ModuleToken>>(TokenStatements.Tables, [], async (connection, ct) =>
        {
            var module = new { Module = WhmcsTables.ModuleName };
            var products = await connection.QueryAsync<(long Id, string? Token)>(new CommandDefinition(TokenStatements.Products, module, cancellationToken: ct));
            var addons = await connection.QueryAsync<(long Id, string? Token)>(new CommandDefinition(TokenStatements.Addons, module, cancellationToken: ct));
            return [.. Tokens(ModuleEntity.Product, products), .. Tokens(ModuleEntity.Addon, addons)];
        }, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyDictionary<long, ServiceOwner>>> ReadServiceOwnersAsync(IReadOnlyCollection<long> serviceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceIds);
        return WithTablesAsync<IReadOnlyDictionary<long, ServiceOwner>>(ClientStatements.Tables, new Dictionary<long, ServiceOwner>(), async (connection, ct) =>
        {
            var owners = new Dictionary<long, ServiceOwner>();
            if (serviceIds.Count == 0)
            {
                return owners;
            }

            var rows = await connection.QueryAsync<ServiceOwner>(new CommandDefinition(
                ClientStatements.ServicesById, new { Ids = serviceIds.Distinct().ToArray() }, cancellationToken: ct));
            foreach (var row in rows)
            {
                owners[row.ServiceId] = row;
            }

            return owners;
        }, cancellationToken);
    }

    public Task<WhmcsAnswer<IReadOnlyList<long>>> FindClientServiceIdsAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return WithTablesAsync<IReadOnlyList<long>>(ClientStatements.Tables, [], async (connection, ct) =>
        {
            var trimmed = text.Trim();
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            var clients = (await connection.QueryAsync<long>(new CommandDefinition(
                trimmed.Contains('@', StringComparison.Ordinal) ? ClientStatements.ClientsByEmail : ClientStatements.ClientsByText,
                new
                {
                    Prefix = LikePrefix(trimmed),
                    // "jane do": first name "jane", last name starting "do"; without a space this term adds nothing.
                    First = space > 0 ? LikeExact(trimmed[..space]) : LikePrefix(trimmed),
                    Last = space > 0 ? LikePrefix(trimmed[(space + 1)..].Trim()) : "%",
                    Limit = limit,
                },
                cancellationToken: ct))).ToArray();
            if (clients.Length == 0)
            {
                return [];
            }

            var services = await connection.QueryAsync<long>(new CommandDefinition(
                ClientStatements.ServicesOfClients, new { ClientIds = clients, Limit = limit }, cancellationToken: ct));
            return [.. services];
        }, cancellationToken);
    }

    private static string LikeExact(string text) =>
        text.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal);

    private static string LikePrefix(string text) => LikeExact(text) + "%";

    public Task<WhmcsAnswer<ClientService?>> ReadServiceAsync(long serviceId, CancellationToken cancellationToken = default) =>
        WithTablesAsync<ClientService?>(ClientAreaStatements.ServiceTables, null, async (connection, ct) =>
            await connection.QuerySingleOrDefaultAsync<ClientService>(new CommandDefinition(ClientAreaStatements.Service, new { Id = serviceId }, cancellationToken: ct)), cancellationToken);

    public Task<WhmcsAnswer<ClientAddon?>> ReadServiceAddonAsync(long addonId, CancellationToken cancellationToken = default) =>
        WithTablesAsync<ClientAddon?>(ClientAreaStatements.ServiceTables, null, async (connection, ct) =>
            await connection.QuerySingleOrDefaultAsync<ClientAddon>(new CommandDefinition(ClientAreaStatements.Addon, new { Id = addonId }, cancellationToken: ct)), cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<string>>> ReadActiveDomainsAsync(long userId, CancellationToken cancellationToken = default) =>
        WithTablesAsync<IReadOnlyList<string>>(ClientAreaStatements.ServiceTables, [], async (connection, ct) =>
        {
            var domains = await connection.QueryAsync<string>(new CommandDefinition(ClientAreaStatements.ActiveDomains, new { UserId = userId }, cancellationToken: ct));
            return [.. domains.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        }, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyDictionary<string, string>>> ReadAddonModuleSettingsAsync(CancellationToken cancellationToken = default) =>
        WithTablesAsync<IReadOnlyDictionary<string, string>>(ClientAreaStatements.SettingsTables, new Dictionary<string, string>(), async (connection, ct) =>
        {
            var rows = await connection.QueryAsync<(string Setting, string? Value)>(new CommandDefinition(ClientAreaStatements.Settings, new { Module = WhmcsTables.ModuleName }, cancellationToken: ct));
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                settings[row.Setting] = row.Value ?? "";
            }

            return settings;
        }, cancellationToken);

    public Task<WhmcsAnswer<long?>> ReadAdminRoleAsync(long adminId, CancellationToken cancellationToken = default) =>
        WithTablesAsync<long?>(AdminStatements.Tables, null, async (connection, ct) =>
            await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(AdminStatements.Role, new { Id = adminId }, cancellationToken: ct)), cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<AddonOffer>>> ReadAddonOffersAsync(long userId, long? serviceId, CancellationToken cancellationToken = default) =>
        WithTablesAsync<IReadOnlyList<AddonOffer>>(ClientAreaStatements.UpsellTables, [], async (connection, ct) =>
        {
            var rows = await connection.QueryAsync<OfferRow>(new CommandDefinition(
                ClientAreaStatements.Offers, new { Module = WhmcsTables.ModuleName, UserId = userId, ServiceId = serviceId ?? 0 }, cancellationToken: ct));
            return [.. rows.Select(r => r.ToOffer()).OfType<AddonOffer>()];
        }, cancellationToken);

    // A value of spaces passes the SQL's `<> ''` (MySQL pads when comparing) but is no token.
    private static IEnumerable<ModuleToken> Tokens(ModuleEntity entity, IEnumerable<(long Id, string? Token)> rows) =>
        rows.Where(r => !string.IsNullOrWhiteSpace(r.Token)).Select(r => new ModuleToken(entity, r.Id, r.Token!.Trim()));

    private async Task<WhmcsAvailability> AvailabilityAsync(MySqlConnection connection, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        var missing = await TableCatalog.MissingAsync(connection, tables, cancellationToken);
        return missing.Count == 0 ? WhmcsAvailability.Available : WhmcsAvailability.TablesMissing(description, missing);
    }

    private Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        ConnectionOpener.OpenAsync(new MySqlConnection(connectionString), null, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<JetpackCatalogItem>>> ReadJetpackCatalogAsync(CancellationToken cancellationToken = default) =>
        WithTablesAsync(CatalogStatements.Tables, (IReadOnlyList<JetpackCatalogItem>)[], CatalogQueries.ListAsync, cancellationToken);

    public Task<WhmcsAnswer<ProductGroup?>> EnsureProductGroupAsync(CancellationToken cancellationToken = default) =>
        WithTablesAsync<ProductGroup?>(CatalogStatements.Tables, null, async (c, ct) => await CatalogQueries.EnsureGroupAsync(c, ct), cancellationToken);

    public Task<WhmcsAnswer<long>> CreateJetpackProductAsync(NewJetpackProduct product, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentException.ThrowIfNullOrWhiteSpace(product.Name);
        if (product.Settings.Count == 0 || product.Settings.Count > CatalogStatements.SettingCount)
        {
            throw new ArgumentException($"A Jetpack product needs between 1 and {CatalogStatements.SettingCount} module settings.", nameof(product));
        }

        return WithTablesAsync(CatalogStatements.Tables, 0L, (c, ct) => CatalogQueries.CreateAsync(c, product, ct), cancellationToken);
    }

    public Task<WhmcsAnswer<TokenRotation?>> ReplaceTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return WithTablesAsync<TokenRotation?>(CatalogStatements.Tables, null, async (c, ct) => await CatalogQueries.ReplaceTokenAsync(c, token.Trim(), ct), cancellationToken);
    }

    public Task<WhmcsAnswer<PriceList>> ReadJetpackPricesAsync(CancellationToken cancellationToken = default) =>
        WithTablesAsync(PricingStatements.Tables, PriceList.Empty, PricingQueries.ReadAsync, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<OwnerStatus>>> ReadOwnerStatusesAsync(IReadOnlyCollection<LicenseOwner> owners, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owners);
        return WithTablesAsync(ServiceStatements.Tables, (IReadOnlyList<OwnerStatus>)[], (c, ct) => ServiceQueries.StatusesAsync(c, owners, ct), cancellationToken);
    }

    public Task<WhmcsAnswer<IReadOnlyList<ActiveServiceCount>>> CountActiveServicesAsync(CancellationToken cancellationToken = default) =>
        WithTablesAsync(ServiceStatements.Tables, (IReadOnlyList<ActiveServiceCount>)[], ServiceQueries.CountActiveAsync, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<EndedServiceLicense>>> FindEndedServicesWithLiveLicenseAsync(CancellationToken cancellationToken = default) =>
        WithTablesAsync(ServiceStatements.Tables, (IReadOnlyList<EndedServiceLicense>)[], ServiceQueries.EndedWithLiveLicenseAsync, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<JetpackService>>> FindActiveServicesWithoutLicenseAsync(CancellationToken cancellationToken = default) =>
        WithTablesAsync(ServiceStatements.Tables, (IReadOnlyList<JetpackService>)[], ServiceQueries.ActiveWithoutLicenseAsync, cancellationToken);

    /// <summary>Opens a connection, checks that <paramref name="tables"/> are there, and runs <paramref name="work"/> only then.</summary>
    private async Task<WhmcsAnswer<T>> WithTablesAsync<T>(IReadOnlyCollection<string> tables, T empty, Func<MySqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var availability = await AvailabilityAsync(connection, tables, cancellationToken);
        return availability.IsAvailable ? new(availability, await work(connection, cancellationToken)) : new(availability, empty);
    }
}
