using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Operator.Costs;
using JetpackWhmcs.Operator.Drift;

namespace JetpackWhmcs.Operator.Summary;

/// <summary>
/// Reads the widget's figures from what is stored only (the latest checks, the stored prices, the
/// billed licences), so WHMCS's admin home never waits for the Jetpack API.
/// </summary>
public sealed class OperatorSnapshotReader(IOperatorStore store)
{
    private const int ChecksLooked = 50;

    /// <summary>The figures as stored now.</summary>
    public async Task<OperatorSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        var checks = await store.ListChecksAsync(ChecksLooked, cancellationToken);
        var latest = checks.FirstOrDefault(c => c.Status == CheckStatus.Finished);
        var daily = checks.FirstOrDefault(c => c.Kind == CheckKind.Daily && c.Status is CheckStatus.Finished or CheckStatus.Failed);
        var prices = PartnerPriceHistory.Current(await store.ListPricesAsync(cancellationToken));
        decimal? cost = null;
        if (prices.Count > 0)
        {
            var billed = await store.CountBilledLicensesByProductAsync(cancellationToken);
            cost = billed.Sum(b => prices.TryGetValue(b.Key, out var price) ? price.Monthly * b.Value : 0m);
        }

        return new OperatorSnapshot(
            latest is null ? null : DriftJson.ReadCounts(latest.CountsJson).Total,
            cost,
            prices.Values.Select(p => p.Currency).FirstOrDefault() ?? "USD",
            daily?.FinishedAt);
    }
}
