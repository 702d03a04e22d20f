using JetpackWhmcs.Ledger;
using MySqlConnector;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>
/// Fresh, real databases for tests (reused by other test projects): a new SQLite file, or a new
/// database on the MariaDB server named by <see cref="MySqlVariable"/>. Dispose drops it.
/// </summary>
public static class TestDatabases
{
    /// <summary>The environment variable holding a MySqlConnector connection string without Database=.</summary>
    public const string MySqlVariable = "JETPACK_WHMCS_TEST_MYSQL";

    /// <summary>The MariaDB server connection string; throws a clear error when the variable is missing.</summary>
    public static string MySqlServerConnectionString =>
        Environment.GetEnvironmentVariable(MySqlVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{MySqlVariable} is not set: start the test MariaDB (scripts/mariadb.sh start) and source .test-run/mariadb.env, or run the project's test script.");

    /// <summary>Creates a fresh database of <paramref name="provider"/>, migrated unless <paramref name="migrate"/> is false.</summary>
    public static Task<TestDatabase> CreateAsync(LedgerProvider provider, bool migrate = true, TimeProvider? timeProvider = null) =>
        provider == LedgerProvider.MySql ? CreateMariaDbAsync(migrate, timeProvider) : CreateSqliteAsync(migrate, timeProvider);

    /// <summary>A fresh SQLite file in the temp folder.</summary>
    public static async Task<TestDatabase> CreateSqliteAsync(bool migrate = true, TimeProvider? timeProvider = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jetpack-whmcs-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"ledger-{Guid.NewGuid():N}.db");
        var database = new TestDatabase(LedgerProvider.Sqlite, $"Data Source={file}", file, timeProvider);
        return await MigratedAsync(database, migrate);
    }

    /// <summary>A fresh database on the test MariaDB server.</summary>
    public static async Task<TestDatabase> CreateMariaDbAsync(bool migrate = true, TimeProvider? timeProvider = null)
    {
        var name = $"jpw_test_{Guid.NewGuid():N}"[..30];
        await using (var server = new MySqlConnection(MySqlServerConnectionString))
        {
            await server.OpenAsync();
            await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", server);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new MySqlConnectionStringBuilder(MySqlServerConnectionString) { Database = name };
        var database = new TestDatabase(LedgerProvider.MySql, builder.ConnectionString, name, timeProvider);
        return await MigratedAsync(database, migrate);
    }

    private static async Task<TestDatabase> MigratedAsync(TestDatabase database, bool migrate)
    {
        if (migrate)
        {
            await database.Ledger.MigrateAsync();
        }

        return database;
    }
}
