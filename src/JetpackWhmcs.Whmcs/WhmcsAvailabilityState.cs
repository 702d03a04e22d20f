namespace JetpackWhmcs.Whmcs;

/// <summary>Why WHMCS's tables can or cannot be used.</summary>
public enum WhmcsAvailabilityState
{
    /// <summary>They are there.</summary>
    Available,

    /// <summary>The ledger is the embedded SQLite default; WHMCS's tables are never in it.</summary>
    EmbeddedSqlite,

    /// <summary>A MySQL/MariaDB database without (some of) WHMCS's tables.</summary>
    TablesMissing,
}
