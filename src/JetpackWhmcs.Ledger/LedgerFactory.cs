using JetpackWhmcs.Ledger.MySql;
using JetpackWhmcs.Ledger.Sqlite;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Ledger;

/// <summary>Creates the ledger for a database setting.</summary>
public static class LedgerFactory
{
    /// <summary>
    /// Creates a ledger. <paramref name="database"/> is a MySQL/MariaDB connection string (it has a
    /// <c>Server=</c> or <c>Host=</c> key, and must name a <c>Database=</c>), a SQLite connection
    /// string (<c>Data Source=...</c>), or the path of a SQLite file. Call
    /// <see cref="ILicenseLedger.MigrateAsync"/> before first use.
    /// </summary>
    public static ILicenseLedger Create(string database, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return DetectProvider(database) switch
        {
            LedgerProvider.MySql => new MySqlLicenseLedger(database, timeProvider, logger),
            _ => new SqliteLicenseLedger(IsConnectionString(database) ? database : $"Data Source={database}", timeProvider, logger),
        };
    }

    /// <summary>Which database <paramref name="database"/> names (see <see cref="Create"/>).</summary>
    public static LedgerProvider DetectProvider(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return HasKey(database, "Server") || HasKey(database, "Host") ? LedgerProvider.MySql : LedgerProvider.Sqlite;
    }

    private static bool IsConnectionString(string database) =>
        HasKey(database, "Data Source") || HasKey(database, "DataSource") || HasKey(database, "Filename");

    private static bool HasKey(string connectionString, string key) =>
        connectionString.Split(';').Any(part =>
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 && part[..eq].Trim().Equals(key, StringComparison.OrdinalIgnoreCase);
        });
}
