namespace JetpackWhmcs.Whmcs;

/// <summary>Whether WHMCS's tables can be used, and a sentence for staff when they cannot.</summary>
/// <param name="State">Available, or which of the known reasons stops it.</param>
/// <param name="Sentence">What to show: what holds and what to do about it.</param>
public sealed record WhmcsAvailability(WhmcsAvailabilityState State, string Sentence)
{
    /// <summary>The sentence of <see cref="WhmcsAvailabilityState.EmbeddedSqlite"/>.</summary>
    public const string EmbeddedSqliteSentence =
        "WHMCS's tables are not available on the embedded SQLite ledger: they live in WHMCS's MySQL/MariaDB database, " +
        "so set Database to its connection string (`jetpack-whmcs whmcs database` prints it) to use them.";

    /// <summary>WHMCS's tables are there.</summary>
    public static WhmcsAvailability Available { get; } = new(WhmcsAvailabilityState.Available, "WHMCS's tables are available.");

    /// <summary>The ledger is the embedded SQLite file: there are no WHMCS tables to read.</summary>
    public static WhmcsAvailability EmbeddedSqlite { get; } = new(WhmcsAvailabilityState.EmbeddedSqlite, EmbeddedSqliteSentence);

    /// <summary>True when WHMCS's tables can be read.</summary>
    public bool IsAvailable => State == WhmcsAvailabilityState.Available;

    /// <summary>The MySQL/MariaDB database answers but lacks <paramref name="missing"/> (the ledger has a database of its own).</summary>
    /// <param name="database">The database, described without its password.</param>
    /// <param name="missing">The WHMCS tables not found there.</param>
    public static WhmcsAvailability TablesMissing(string database, IEnumerable<string> missing) =>
        new(
            WhmcsAvailabilityState.TablesMissing,
            $"WHMCS's tables are not in {database} (missing: {string.Join(", ", missing)}): the ledger has a database of its own, " +
            "so set Database to WHMCS's own database to use them.");
}
