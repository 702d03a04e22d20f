using System.Globalization;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Operator.Summary;
using JetpackWhmcs.Service.Metrics;

namespace JetpackWhmcs.Service.Admin.Summary;

/// <summary>
/// Every figure of the widget: licences by state from the ledger's cached counts, and from the operator's
/// stored data the findings of the latest check, the partner's monthly cost and the last daily check.
/// Reads only what is stored, so WHMCS's admin home never waits for the Jetpack API.
/// </summary>
public sealed class OperatorFiguresSummary(LicenseCountsCache counts, OperatorSnapshotReader snapshots) : IOperatorSummary
{
    /// <inheritdoc />
    public async Task<OperatorFigures> ReadAsync(CancellationToken cancellationToken = default)
    {
        var byState = await counts.GetAsync(cancellationToken);
        var snapshot = await snapshots.ReadAsync(cancellationToken);
        return new OperatorFigures(
            byState.GetValueOrDefault(LicenseState.Active),
            byState.GetValueOrDefault(LicenseState.Pending),
            snapshot.DriftCount,
            snapshot.MonthlyCost is { } cost ? $"{snapshot.CostCurrency} {cost.ToString("N2", CultureInfo.InvariantCulture)}" : null,
            snapshot.LastDailyCheck is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
    }
}
