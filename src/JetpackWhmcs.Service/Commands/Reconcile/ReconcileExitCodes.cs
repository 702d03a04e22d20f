namespace JetpackWhmcs.Service.Commands.Reconcile;

/// <summary>
/// What <c>reconcile</c> exits with, so that a timer or a monitoring check can tell "all is well" from
/// "the ledger and the API differ" from "could not compare" without reading the tables.
/// </summary>
public static class ReconcileExitCodes
{
    /// <summary>The ledger and the API agree for every token (after the repairs, with <c>--fix</c>).</summary>
    public const int InSync = 0;

    /// <summary>The comparison could not be made (no token, the API or the database failed): every command's failure code.</summary>
    public const int Failed = 1;

    /// <summary>The comparison ran and differences remain (or a repair failed): someone must look.</summary>
    public const int Differences = 2;

    /// <summary>The sentence for <c>--help</c> and the README.</summary>
    public const string Help = "Exit code 0 when the ledger and the API agree, 2 when differences remain, 1 when the comparison could not be made.";
}
