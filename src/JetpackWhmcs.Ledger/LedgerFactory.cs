using System.Data.Common;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Ledger.MySql;
using JetpackWhmcs.Ledger.Nonces;
using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Ledger.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace JetpackWhmcs.Ledger;

/// <summary>Creates the ledger for a database setting.</summary>
public static class LedgerFactory
{
    /// <summary>
    /// Creates a ledger. <paramref name="database"/> is a MySQL/MariaDB connection string (it has a
    /// <c>Server=</c> or <c>Host=</c> key, and must name a <c>Database=</c>), a SQLite connection
    /// string (<c>Data Source=...</c>, parsed as one), or the path of a SQLite file. A SQLite file that
    /// does not exist yet is created readable by its owner only (SQLite gives its -wal and -shm files
    /// the same mode). Call <see cref="ILicenseLedger.MigrateAsync"/> before first use.
    /// </summary>
    public static ILicenseLedger Create(string database, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (DetectProvider(database) == LedgerProvider.MySql)
        {
            return new MySqlLicenseLedger(database, timeProvider, logger);
        }

        var sqlite = LedgerConnectionString.Sqlite(database);
        if (LedgerConnectionString.SqliteFile(database) is { } file)
        {
            CreateOwnerOnly(file);
        }

        return new SqliteLicenseLedger(sqlite.ToString(), timeProvider, logger);
    }

    /// <summary>
    /// Creates the store of the bridge's nonces, in the database <see cref="Create"/> would use for the
    /// same <paramref name="database"/>. Call <see cref="INonceStore.MigrateAsync"/> before first use.
    /// </summary>
    public static INonceStore CreateNonceStore(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (DetectProvider(database) == LedgerProvider.MySql)
        {
            // No session settings (unlike the ledger's connections): nonces hold no dates, and every
            // changing module call opens one of these, so a round trip saved here is saved per call.
            return new SqlNonceStore(NonceStatements.MySql, () => new MySqlConnection(database));
        }

        return new SqlNonceStore(NonceStatements.Sqlite, SqliteConnector(database));
    }

    /// <summary>
    /// Creates the operator's store (partner prices per day, drift checks) in the database
    /// <see cref="Create"/> would use for the same <paramref name="database"/>. Its tables come with the
    /// ledger's migrations (<see cref="ILicenseLedger.MigrateAsync"/>).
    /// </summary>
    public static IOperatorStore CreateOperatorStore(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (DetectProvider(database) == LedgerProvider.MySql)
        {
            // Times are written as UTC DATETIME values, which MySQL never shifts: no session settings needed.
            return new SqlOperatorStore(OperatorStatements.MySql, () => new MySqlConnection(database), e => e is MySqlException { Number: 1062 });
        }

        // SQLITE_CONSTRAINT (19): the unique `running` index refused a second running check.
        return new SqlOperatorStore(OperatorStatements.Sqlite, SqliteConnector(database), e => e is SqliteException { SqliteErrorCode: 19 });
    }

    /// <summary>
    /// Connections to the SQLite file of the nonce and operator stores, the file made owner-only first.
    /// Microsoft.Data.Sqlite retries a busy file until the command timeout, so a write waits for another
    /// process's write instead of failing the module call or the check.
    /// </summary>
    private static Func<DbConnection> SqliteConnector(string database)
    {
        var sqlite = LedgerConnectionString.Sqlite(database);
        sqlite.DefaultTimeout = 30;
        if (LedgerConnectionString.SqliteFile(database) is { } file)
        {
            CreateOwnerOnly(file);
        }

        var connectionString = sqlite.ToString();
        return () => new SqliteConnection(connectionString);
    }

    /// <summary>Which database <paramref name="database"/> names (see <see cref="Create"/>).</summary>
    public static LedgerProvider DetectProvider(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return HasKey(database, "Server") || HasKey(database, "Host") ? LedgerProvider.MySql : LedgerProvider.Sqlite;
    }

    /// <summary>
    /// Creates an empty <paramref name="file"/> with mode 0600 when it does not exist (SQLite takes an
    /// empty file for a new database), so the ledger is never readable by others, not even for a moment.
    /// </summary>
    private static void CreateOwnerOnly(string file)
    {
        if (OperatingSystem.IsWindows() || File.Exists(file) || !Directory.Exists(Path.GetDirectoryName(file)))
        {
            return;
        }

        try
        {
            using var created = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created it first: it made it the same way.
        }
    }

    private static bool HasKey(string connectionString, string key) =>
        connectionString.Split(';').Any(part =>
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 && part[..eq].Trim().Equals(key, StringComparison.OrdinalIgnoreCase);
        });
}
