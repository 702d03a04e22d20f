namespace JetpackWhmcs.Service.Admin.Summary;

/// <summary>
/// The figures of the dashboard widget. The licence count comes from the ledger; the drift count, the
/// monthly cost and the last daily check belong to the drift, costs and daily-check parts, which
/// register their own implementation in place of <see cref="LedgerOperatorSummary"/>.
/// </summary>
public interface IOperatorSummary
{
    /// <summary>The figures as known now; a figure nobody has measured yet is null.</summary>
    Task<OperatorFigures> ReadAsync(CancellationToken cancellationToken = default);
}
