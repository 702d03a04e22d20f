namespace JetpackWhmcs.Ledger.Nonces;

/// <summary>
/// The nonce table's SQL, spelled out per dialect. Nonces are stored lower-case with the Unix time
/// they were seen, so neither dialect has a date or time-zone question to answer.
/// </summary>
internal sealed record NonceStatements(string Create, string Remember, string ProbeInsert, string Purge)
{
    private const string T = LedgerSchema.NoncesTable;

    private const string Insert = $"INSERT INTO {T} (nonce, seen_at) VALUES (@Nonce, 0)";

    private const string Delete = $"DELETE FROM {T} WHERE seen_at < @Cutoff";

    /// <summary>MySQL/MariaDB: the primary key makes "seen before" a database fact; InnoDB for the rollback of the write probe.</summary>
    public static NonceStatements MySql { get; } = new(
        $"CREATE TABLE IF NOT EXISTS {T} (nonce CHAR(32) NOT NULL PRIMARY KEY, seen_at BIGINT NOT NULL, KEY ix_{T}_seen (seen_at)) ENGINE=InnoDB",
        $"INSERT IGNORE INTO {T} (nonce, seen_at) VALUES (@Nonce, @Seen)",
        Insert,
        Delete);

    /// <summary>SQLite.</summary>
    public static NonceStatements Sqlite { get; } = new(
        $"CREATE TABLE IF NOT EXISTS {T} (nonce TEXT NOT NULL PRIMARY KEY, seen_at INTEGER NOT NULL); CREATE INDEX IF NOT EXISTS ix_{T}_seen ON {T} (seen_at)",
        $"INSERT OR IGNORE INTO {T} (nonce, seen_at) VALUES (@Nonce, @Seen)",
        Insert,
        Delete);
}
