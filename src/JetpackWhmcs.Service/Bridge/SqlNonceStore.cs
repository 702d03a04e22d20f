using System.Data.Common;
using JetpackWhmcs.Service.Configuration;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace JetpackWhmcs.Service.Bridge;

/// <summary>
/// Nonces in the ledger's database (table <c>jetpack_whmcs_bridge_nonces</c>, created by our own
/// migration), so several instances on one MySQL refuse a replay seen by any of them. The primary key
/// makes "seen before" a database fact, not a race.
/// </summary>
public sealed class SqlNonceStore(string database) : INonceStore
{
    private const string Table = "jetpack_whmcs_bridge_nonces";
    private readonly bool mySql = DatabaseKind.IsConnectionString(database);

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var sql = mySql
            ? $"CREATE TABLE IF NOT EXISTS {Table} (nonce CHAR(32) NOT NULL PRIMARY KEY, seen_at BIGINT NOT NULL, KEY ix_{Table}_seen (seen_at)) ENGINE=InnoDB"
            : $"CREATE TABLE IF NOT EXISTS {Table} (nonce TEXT NOT NULL PRIMARY KEY, seen_at INTEGER NOT NULL); CREATE INDEX IF NOT EXISTS ix_{Table}_seen ON {Table} (seen_at)";
        await ExecuteAsync(sql, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryRememberAsync(string nonce, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sql = mySql
            ? $"INSERT IGNORE INTO {Table} (nonce, seen_at) VALUES (@nonce, @seen)"
            : $"INSERT OR IGNORE INTO {Table} (nonce, seen_at) VALUES (@nonce, @seen)";
        var inserted = await ExecuteAsync(sql, command =>
        {
            Add(command, "@nonce", nonce.ToLowerInvariant());
            Add(command, "@seen", now.ToUnixTimeSeconds());
        }, cancellationToken);
        return inserted == 1;
    }

    /// <inheritdoc />
    public async Task ProveWritableAsync(CancellationToken cancellationToken = default)
    {
        await using DbConnection connection = mySql ? new MySqlConnection(database) : new SqliteConnection(SqliteConnectionString());
        await connection.OpenAsync(cancellationToken);
        // Rolled back, so nothing durable changes and no nonce is taken; a random value never blocks on
        // another instance's probe.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is built from constants only; values are parameters.
        command.CommandText = $"INSERT INTO {Table} (nonce, seen_at) VALUES (@nonce, 0)";
#pragma warning restore CA2100
        Add(command, "@nonce", Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"DELETE FROM {Table} WHERE seen_at < @cutoff", command => Add(command, "@cutoff", cutoff.ToUnixTimeSeconds()), cancellationToken);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task<int> ExecuteAsync(string sql, Action<DbCommand>? parameters, CancellationToken cancellationToken)
    {
        await using DbConnection connection = mySql ? new MySqlConnection(database) : new SqliteConnection(SqliteConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is built from constants only; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        parameters?.Invoke(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string SqliteConnectionString() =>
        new SqliteConnectionStringBuilder(DatabaseKind.SqliteConnectionString(database)) { DefaultTimeout = 30 }.ToString();
}
