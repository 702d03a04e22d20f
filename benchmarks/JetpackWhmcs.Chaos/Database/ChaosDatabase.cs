using System.Data.Common;

namespace JetpackWhmcs.Chaos.Database;

/// <summary>
/// The one database every instance shares, created for the run, and the raw reads the checks make
/// of it. Plain SQL on the table and column names, not the ledger's own classes, so the checks see
/// what is stored, whatever the engine believes.
/// </summary>
internal abstract class ChaosDatabase : IAsyncDisposable
{
    /// <summary>What the services get as <c>--database</c>.</summary>
    public abstract string ForService { get; }

    /// <summary>For the report: which database, without a password.</summary>
    public abstract string Description { get; }

    /// <summary>Keep the database after the run, for a look at a failed one.</summary>
    public bool KeepAfterRun { get; set; }

    public static async Task<ChaosDatabase> CreateAsync(ChaosOptions options, string workDirectory) =>
        options.Database == "mariadb"
            ? await MariaDbChaosDatabase.CreateAsync(options)
            : new SqliteChaosDatabase(Path.Combine(workDirectory, "ledger.db"));

    public async Task<IReadOnlyList<LedgerRow>> LicenseRowsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT service_id, addon_id, state, license_key, revoked_at, product_slug FROM jetpack_product_licenses";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LedgerRow(
                reader.IsDBNull(0) ? null : Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? null : Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                !reader.IsDBNull(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<AuditCount>> AuditCountsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT operation, outcome, COUNT(*) FROM jetpack_whmcs_audit GROUP BY operation, outcome";
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new List<AuditCount>();
        while (await reader.ReadAsync())
        {
            counts.Add(new AuditCount(reader.GetString(0), reader.GetString(1), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return counts;
    }

    public async Task<long> PendingClaimsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM jetpack_product_licenses WHERE state = 'pending'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public abstract ValueTask DisposeAsync();

    protected abstract Task<DbConnection> OpenAsync();
}
