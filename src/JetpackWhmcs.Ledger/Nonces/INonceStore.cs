namespace JetpackWhmcs.Ledger.Nonces;

/// <summary>Remembers the nonces of accepted requests, in a place every service instance shares.</summary>
public interface INonceStore
{
    /// <summary>Creates the table; idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Records <paramref name="nonce"/>; false when it was already used (a replay).</summary>
    Task<bool> TryRememberAsync(string nonce, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Proves the database accepts a write without keeping one: inserts a nonce inside a transaction and
    /// rolls it back. Throws what the database throws when it cannot be written (read-only file, disk
    /// full, a user without INSERT rights).
    /// </summary>
    Task ProveWritableAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets nonces older than <paramref name="cutoff"/> (their timestamps are refused anyway).</summary>
    Task PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
