using Dapper;
using JetpackWhmcs.Whmcs.ClientArea;
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

    public async Task<WhmcsAnswer<IReadOnlyList<ModuleToken>>> ReadJetpackTokensAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var availability = await AvailabilityAsync(connection, TokenStatements.Tables, cancellationToken);
        if (!availability.IsAvailable)
        {
            return new(availability, []);
        }

        var module = new { Module = WhmcsTables.ModuleName };
        var products = await connection.QueryAsync<(long Id, string? Token)>(new CommandDefinition(TokenStatements.Products, module, cancellationToken: cancellationToken));
        var addons = await connection.QueryAsync<(long Id, string? Token)>(new CommandDefinition(TokenStatements.Addons, module, cancellationToken: cancellationToken));
        IReadOnlyList<ModuleToken> tokens =
        [
            .. Tokens(ModuleEntity.Product, products),
            .. Tokens(ModuleEntity.Addon, addons),
        ];
        return new(availability, tokens);
    }

    public Task<WhmcsAnswer<ClientService?>> ReadServiceAsync(long serviceId, CancellationToken cancellationToken = default) =>
        ReadAsync<ClientService?>(ClientAreaStatements.ServiceTables, null, async connection =>
            await connection.QuerySingleOrDefaultAsync<ClientService>(new CommandDefinition(ClientAreaStatements.Service, new { Id = serviceId }, cancellationToken: cancellationToken)), cancellationToken);

    public Task<WhmcsAnswer<ClientAddon?>> ReadServiceAddonAsync(long addonId, CancellationToken cancellationToken = default) =>
        ReadAsync<ClientAddon?>(ClientAreaStatements.ServiceTables, null, async connection =>
            await connection.QuerySingleOrDefaultAsync<ClientAddon>(new CommandDefinition(ClientAreaStatements.Addon, new { Id = addonId }, cancellationToken: cancellationToken)), cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<string>>> ReadActiveDomainsAsync(long userId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<string>>(ClientAreaStatements.ServiceTables, [], async connection =>
        {
            var domains = await connection.QueryAsync<string>(new CommandDefinition(ClientAreaStatements.ActiveDomains, new { UserId = userId }, cancellationToken: cancellationToken));
            return [.. domains.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        }, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyDictionary<string, string>>> ReadAddonModuleSettingsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyDictionary<string, string>>(ClientAreaStatements.SettingsTables, new Dictionary<string, string>(), async connection =>
        {
            var rows = await connection.QueryAsync<(string Setting, string? Value)>(new CommandDefinition(ClientAreaStatements.Settings, new { Module = WhmcsTables.ModuleName }, cancellationToken: cancellationToken));
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                settings[row.Setting] = row.Value ?? "";
            }

            return settings;
        }, cancellationToken);

    public Task<WhmcsAnswer<IReadOnlyList<AddonOffer>>> ReadAddonOffersAsync(long userId, long? serviceId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AddonOffer>>(ClientAreaStatements.UpsellTables, [], async connection =>
        {
            var rows = await connection.QueryAsync<OfferRow>(new CommandDefinition(
                ClientAreaStatements.Offers, new { Module = WhmcsTables.ModuleName, UserId = userId, ServiceId = serviceId ?? 0 }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToOffer()).OfType<AddonOffer>()];
        }, cancellationToken);

    // One shape for every read: the tables checked first, their absence answered with the reason and an empty value.
    private async Task<WhmcsAnswer<T>> ReadAsync<T>(IReadOnlyCollection<string> tables, T empty, Func<MySqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var availability = await AvailabilityAsync(connection, tables, cancellationToken);
        return availability.IsAvailable ? new(availability, await read(connection)) : new(availability, empty);
    }

    // A value of spaces passes the SQL's `<> ''` (MySQL pads when comparing) but is no token.
    private static IEnumerable<ModuleToken> Tokens(ModuleEntity entity, IEnumerable<(long Id, string? Token)> rows) =>
        rows.Where(r => !string.IsNullOrWhiteSpace(r.Token)).Select(r => new ModuleToken(entity, r.Id, r.Token!.Trim()));

    private async Task<WhmcsAvailability> AvailabilityAsync(MySqlConnection connection, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        var missing = await TableCatalog.MissingAsync(connection, tables, cancellationToken);
        return missing.Count == 0 ? WhmcsAvailability.Available : WhmcsAvailability.TablesMissing(description, missing);
    }

    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
