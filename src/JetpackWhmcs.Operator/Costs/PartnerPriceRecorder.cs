using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.Security;

namespace JetpackWhmcs.Operator.Costs;

/// <summary>
/// Stores today's partner prices of a token (<c>/partner/product-families</c>), once per day: a later
/// call the same day adds nothing, so the stored days show when a price changed.
/// </summary>
public sealed class PartnerPriceRecorder(IJetpackLicensingClient client, IOperatorStore store, TimeProvider time)
{
    /// <summary>Reads and stores the prices; returns how many were new today. Throws <see cref="JetpackApiException"/> when the API refuses.</summary>
    public async Task<int> RecordTodayAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var families = await client.GetPartnerProductFamiliesAsync(token, cancellationToken);
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var fingerprint = TokenFingerprint.Of(token);
        var prices = families.SelectMany(f => f.Products)
            .Where(p => !string.IsNullOrWhiteSpace(p.Slug))
            .GroupBy(p => p.Slug, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(p => new PartnerPrice(day, fingerprint, p.Slug, p.Name, (p.Currency ?? "usd").ToLowerInvariant(), p.Amount, p.PriceInterval ?? "month"))
            .ToList();
        return await store.RecordPricesAsync(prices, cancellationToken);
    }
}
