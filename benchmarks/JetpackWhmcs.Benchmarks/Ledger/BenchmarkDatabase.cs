using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace JetpackWhmcs.Benchmarks.Ledger;

/// <summary>A throwaway database for one benchmark run: a SQLite file or a fresh MariaDB database.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? serverConnectionString;
    private readonly string? databaseName;
    private readonly string? sqliteFile;

    private BenchmarkDatabase(string provider, string connectionString, string? serverConnectionString, string? databaseName, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.serverConnectionString = serverConnectionString;
        this.databaseName = databaseName;
        this.sqliteFile = sqliteFile;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsMySql => databaseName is not null;

    public static BenchmarkDatabase Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jetpack-whmcs-bench-{Guid.NewGuid():N}.db");
        return new BenchmarkDatabase("SQLite", $"Data Source={file}", null, null, file);
    }

    public static async Task<BenchmarkDatabase> MariaDbAsync(string serverConnectionString)
    {
        var name = $"jw_bench_{Guid.NewGuid():N}"[..24];
        await using (var connection = new MySqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"CREATE DATABASE `{name}`", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new MySqlConnectionStringBuilder(serverConnectionString) { Database = name };
        return new BenchmarkDatabase("MariaDB", builder.ConnectionString, serverConnectionString, name, null);
    }

    public DbConnection OpenConnection()
    {
        DbConnection connection = IsMySql ? new MySqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (serverConnectionString is not null && databaseName is not null)
        {
            await using var connection = new MySqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{databaseName}`", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }
    }
}
