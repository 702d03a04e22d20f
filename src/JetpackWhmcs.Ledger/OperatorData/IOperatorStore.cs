namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>
/// What the operator's pages keep in the ledger's database (migration 8): the partner's prices per day
/// and the drift checks with their progress, findings and whether the admins were told. Tables are
/// created by <see cref="ILicenseLedger.MigrateAsync"/>. A connection per operation, as the ledger.
/// </summary>
public interface IOperatorStore
{
    /// <summary>Stores <paramref name="prices"/> unless that day, token and product is stored already; returns how many were new.</summary>
    Task<int> RecordPricesAsync(IReadOnlyCollection<PartnerPrice> prices, CancellationToken cancellationToken = default);

    /// <summary>Every stored price, oldest day first (a few rows per product per day: small).</summary>
    Task<IReadOnlyList<PartnerPrice>> ListPricesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a check unless one is running: the database holds at most one running check (a unique
    /// column), across service instances. A running check that has reported no progress since
    /// <paramref name="staleBefore"/> is marked abandoned first (its process died). Null when one runs.
    /// </summary>
    Task<CheckRecord?> TryStartCheckAsync(CheckKind kind, string actor, DateTime now, DateTime staleBefore, CancellationToken cancellationToken = default);

    /// <summary>Records the progress of a running check (also its sign of life).</summary>
    Task ReportProgressAsync(long id, int done, int total, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Ends a running check with its outcome; false when it is not running (abandoned meanwhile).</summary>
    Task<bool> FinishCheckAsync(long id, CheckOutcome outcome, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>One check with its findings, or null.</summary>
    Task<CheckRecord?> GetCheckAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a stored check's findings when they are still <paramref name="expected"/>; false when
    /// they changed meanwhile (read again and retry) or the check is gone.
    /// </summary>
    Task<bool> ReplaceFindingsAsync(long id, string expected, string replacement, CancellationToken cancellationToken = default);

    /// <summary>The newest checks, newest first, without their findings.</summary>
    Task<IReadOnlyList<CheckRecord>> ListChecksAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The checks whose findings the admins have not been told yet, each marked told as it is handed out
    /// (a compare-and-swap per check), so two callers never hand out the same one.
    /// </summary>
    Task<IReadOnlyList<CheckRecord>> TakeUnnotifiedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Licences the partner is billed for, counted per Jetpack product slug ("" for rows of the original
    /// module, which recorded no product): active, unassigned (issued, kept for the next create) and the
    /// original module's unrevoked rows.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> CountBilledLicensesByProductAsync(CancellationToken cancellationToken = default);
}
