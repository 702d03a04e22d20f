namespace JetpackWhmcs.Service.Admin.Summary;

/// <summary>
/// The figures of the dashboard widget: the licence count from the ledger; the drift count, the monthly
/// cost and the last daily check from the operator's part, which registers the implementation.
/// </summary>
public interface IOperatorSummary
{
    /// <summary>The figures as known now; a figure nobody has measured yet is null.</summary>
    Task<OperatorFigures> ReadAsync(CancellationToken cancellationToken = default);
}
