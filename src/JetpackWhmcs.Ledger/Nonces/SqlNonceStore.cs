using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using JetpackWhmcs.Ledger.Connections;

namespace JetpackWhmcs.Ledger.Nonces;

/// <summary>
/// Nonces in the ledger's database (table <see cref="LedgerSchema.NoncesTable"/>), so several instances
/// on one MySQL refuse a replay seen by any of them. A connection per operation, as the ledger does.
/// </summary>
internal sealed class SqlNonceStore(NonceStatements sql, Func<DbConnection> connect) : INonceStore
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Create, cancellationToken: cancellationToken));
    }

    public async Task<bool> TryRememberAsync(string nonce, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        await using var connection = await OpenAsync(cancellationToken);
        // Hex nonces differ only in case when they are the same nonce: store one spelling.
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            sql.Remember, new { Nonce = nonce.ToLowerInvariant(), Seen = now.ToUnixTimeSeconds() }, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task ProveWritableAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Rolled back, so nothing durable changes and no nonce is taken; a random value never blocks on
        // another instance's probe.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql.ProbeInsert, new { Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) }, transaction, cancellationToken: cancellationToken));
        await transaction.RollbackAsync(cancellationToken);
    }

    public async Task PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Purge, new { Cutoff = cutoff.ToUnixTimeSeconds() }, cancellationToken: cancellationToken));
    }

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => ConnectionOpener.OpenAsync(connect(), null, cancellationToken);
}
