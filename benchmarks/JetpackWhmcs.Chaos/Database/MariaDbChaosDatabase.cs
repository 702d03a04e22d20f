using System.Data.Common;
using MySqlConnector;

namespace JetpackWhmcs.Chaos.Database;

/// <summary>
/// A database of its own on the MariaDB server JETPACK_WHMCS_TEST_MYSQL names (scripts/mariadb.sh
/// writes it), created for the run and dropped after it unless --keep.
/// </summary>
internal sealed class MariaDbChaosDatabase : ChaosDatabase
{
    private readonly string server;
    private readonly string database;
    private readonly bool keep;

    private MariaDbChaosDatabase(string server, string database, bool keep)
    {
        this.server = server;
        this.database = database;
        this.keep = keep;
    }

    public override string ForService => new MySqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    public override string Description => $"MariaDB database {database}";

    public static async Task<MariaDbChaosDatabase> CreateAsync(ChaosOptions options)
    {
        var server = Environment.GetEnvironmentVariable("JETPACK_WHMCS_TEST_MYSQL");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new ChaosSetupException("--database mariadb needs JETPACK_WHMCS_TEST_MYSQL: run scripts/mariadb.sh start && source .test-run/mariadb.env.");
        }

        var name = $"jetpack_chaos_{Environment.ProcessId}_{Random.Shared.Next(100_000, 999_999)}";
        try
        {
            await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(server) { Database = "" }.ConnectionString);
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (MySqlException e)
        {
            throw new ChaosSetupException($"The MariaDB server of JETPACK_WHMCS_TEST_MYSQL refused to create a database: {e.Message}", e);
        }

        return new MariaDbChaosDatabase(server, name, options.Keep);
    }

    public override async ValueTask DisposeAsync()
    {
        if (keep || KeepAfterRun)
        {
            return;
        }

        await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(server) { Database = "" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{database}`", connection);
        await drop.ExecuteNonQueryAsync();
    }

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new MySqlConnection(ForService);
        await connection.OpenAsync();
        return connection;
    }
}
