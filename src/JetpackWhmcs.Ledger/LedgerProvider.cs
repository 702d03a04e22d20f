namespace JetpackWhmcs.Ledger;

/// <summary>The database a ledger runs on.</summary>
public enum LedgerProvider
{
    /// <summary>A SQLite file.</summary>
    Sqlite,

    /// <summary>MySQL or MariaDB.</summary>
    MySql,
}
