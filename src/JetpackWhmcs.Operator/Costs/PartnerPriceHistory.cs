using JetpackWhmcs.Ledger.OperatorData;

namespace JetpackWhmcs.Operator.Costs;

/// <summary>Reads the current price of each product, and since when it holds, out of the stored days.</summary>
public static class PartnerPriceHistory
{
    /// <summary>Per product slug, the price of the latest stored day with the day it took effect and the one before.</summary>
    public static IReadOnlyDictionary<string, PartnerPriceView> Current(IReadOnlyList<PartnerPrice> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var current = new Dictionary<string, PartnerPriceView>(StringComparer.Ordinal);
        // Several tokens of one partner share a price list: one row per day is enough, the first token's.
        foreach (var product in prices.GroupBy(p => p.ProductSlug, StringComparer.Ordinal))
        {
            var days = product.GroupBy(p => p.Day).OrderBy(g => g.Key).Select(g => g.OrderBy(p => p.TokenFingerprint, StringComparer.Ordinal).First()).ToList();
            var latest = days[^1];
            var since = latest.Day;
            decimal? previous = null;
            for (var i = days.Count - 2; i >= 0; i--)
            {
                if (days[i].Amount != latest.Amount || !string.Equals(days[i].Interval, latest.Interval, StringComparison.OrdinalIgnoreCase))
                {
                    previous = days[i].Amount;
                    break;
                }

                since = days[i].Day;
            }

            current[product.Key] = new PartnerPriceView(
                latest.ProductSlug, latest.ProductName, latest.Currency.ToUpperInvariant(), latest.Amount, latest.Interval,
                MonthlyFigure.OfPartnerPrice(latest.Amount, latest.Interval), since, latest.Day, previous);
        }

        return current;
    }
}
