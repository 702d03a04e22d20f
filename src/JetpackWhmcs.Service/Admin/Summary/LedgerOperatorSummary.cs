using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Metrics;

namespace JetpackWhmcs.Service.Admin.Summary;

/// <summary>
/// The figures the ledger knows today: licences by state (from the same 30-second cache as /metrics,
/// since counting reads the whole table). Drift, cost and the last daily check are not measured here.
/// </summary>
public sealed class LedgerOperatorSummary(LicenseCountsCache counts) : IOperatorSummary
{
    /// <inheritdoc />
    public async Task<OperatorFigures> ReadAsync(CancellationToken cancellationToken = default)
    {
        var byState = await counts.GetAsync(cancellationToken);
        return new OperatorFigures(
            byState.GetValueOrDefault(LicenseState.Active),
            byState.GetValueOrDefault(LicenseState.Pending),
            DriftCount: null,
            MonthlyCost: null,
            LastDailyCheck: null);
    }
}
