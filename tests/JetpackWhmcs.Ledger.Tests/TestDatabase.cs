using System.Data.Common;
using Dapper;
using JetpackWhmcs.Ledger;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>One fresh test database: its connection string, a ledger on it, and raw SQL access.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _name;

    internal TestDatabase(LedgerProvider provider, string connectionString, string name, TimeProvider? timeProvider)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _name = name;
        Ledger = LedgerFactory.Create(connectionString, timeProvider);
    }

    /// <summary>SQLite or MySQL (MariaDB).</summary>
    public LedgerProvider Provider { get; }

    /// <summary>What to pass to <see cref="LedgerFactory.Create"/> (or the service's configuration).</summary>
    public string ConnectionString { get; }

    /// <summary>A ledger on this database (migrated unless created with migrate: false).</summary>
    public ILicenseLedger Ledger { get; }

    /// <summary>Another ledger instance on the same database, as a second process would have.</summary>
    public ILicenseLedger CreateLedger(TimeProvider? timeProvider = null) => LedgerFactory.Create(ConnectionString, timeProvider);

    /// <summary>An open raw connection (MySQL sessions in UTC, like the ledger's).</summary>
    public async Task<DbConnection> OpenAsync()
    {
        if (Provider == LedgerProvider.MySql)
        {
            var mysql = new MySqlConnection(new MySqlConnectionStringBuilder(ConnectionString) { DateTimeKind = MySqlDateTimeKind.Utc }.ConnectionString);
            await mysql.OpenAsync();
            await mysql.ExecuteAsync("SET time_zone = '+00:00'");
            return mysql;
        }

        var sqlite = new SqliteConnection(ConnectionString);
        await sqlite.OpenAsync();
        await sqlite.ExecuteAsync("PRAGMA busy_timeout = 5000");
        return sqlite;
    }

    /// <summary>Runs raw SQL; returns the affected rows.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>Runs a raw query.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    /// <summary>Runs a raw query returning rows as column-name dictionaries.</summary>
    public async Task<IReadOnlyList<IDictionary<string, object?>>> QueryRowsAsync(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return (await connection.QueryAsync(sql, parameters)).Cast<IDictionary<string, object?>>().ToList();
    }

    /// <summary>Runs a raw scalar query.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }

    /// <summary>Drops the database (MariaDB) or deletes the file (SQLite).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Provider == LedgerProvider.MySql)
        {
            await using var server = new MySqlConnection(TestDatabases.MySqlServerConnectionString);
            await server.OpenAsync();
            await server.ExecuteAsync($"DROP DATABASE IF EXISTS `{_name}`");
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _name, _name + "-wal", _name + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Another test's pooled connection may still hold it; the temp folder is disposable.
            }
        }
    }
}
