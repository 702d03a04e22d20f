using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Operator.Tokens;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Whmcs;

namespace JetpackWhmcs.Operator.Costs;

/// <summary>
/// Reads what the cost report needs (WHMCS's catalogue, prices and active services; the stored partner
/// prices; the billed licences) and computes it. When no partner price was stored today, today's are
/// read first (once a day per token, the same as the daily check does).
/// </summary>
public sealed class CostService(IWhmcsDatabase whmcs, IOperatorStore store, PartnerPriceRecorder recorder, IPartnerTokens tokens, TimeProvider time)
{
    /// <summary>The report as of now.</summary>
    public async Task<CostReport> ReadAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var partnerPrices = await store.ListPricesAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!partnerPrices.Any(p => p.Day == today))
        {
            await RecordTodayAsync(problems, cancellationToken);
            partnerPrices = await store.ListPricesAsync(cancellationToken);
        }

        var catalog = await whmcs.ReadJetpackCatalogAsync(cancellationToken);
        var prices = await whmcs.ReadJetpackPricesAsync(cancellationToken);
        var services = await whmcs.CountActiveServicesAsync(cancellationToken);
        if (!catalog.IsAvailable)
        {
            problems.Add("Selling prices and revenue are not shown: " + catalog.Availability.Sentence);
        }

        if (partnerPrices.Count == 0)
        {
            problems.Add("No partner price is stored yet, so costs are unknown: set the partner token on a Jetpack product (or in the addon's settings), then reload this page.");
        }

        var billed = await store.CountBilledLicensesByProductAsync(cancellationToken);
        return CostCalculator.Compute(new CostInputs(catalog.Value, prices.Value, services.Value, partnerPrices, billed, problems));
    }

    private async Task RecordTodayAsync(List<string> problems, CancellationToken ct)
    {
        foreach (var token in await tokens.GetAllAsync(ct))
        {
            try
            {
                await recorder.RecordTodayAsync(token, ct);
            }
            catch (JetpackApiException exception)
            {
                problems.Add(Sentences.ApiFailure("list the partner's prices", exception));
            }
        }
    }
}
