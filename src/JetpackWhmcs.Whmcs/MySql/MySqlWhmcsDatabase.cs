using Dapper;
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
