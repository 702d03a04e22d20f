using JetpackWhmcs.Whmcs.Pricing;

namespace JetpackWhmcs.Operator.Costs;

/// <summary>Brings every price to what it earns or costs per month, so cycles and partner intervals can be added up.</summary>
public static class MonthlyFigure
{
    /// <summary>Average days in a month (365 / 12): a partner price per day times this is its monthly figure.</summary>
    public const decimal DaysPerMonth = 365m / 12m;

    /// <summary>WHMCS's recurring cycles with how many months each covers, in the order of <c>tblpricing</c>'s columns.</summary>
    public static IReadOnlyList<(string Cycle, int Months)> Cycles { get; } =
    [
        ("Monthly", 1), ("Quarterly", 3), ("Semi-Annually", 6), ("Annually", 12), ("Biennially", 24), ("Triennially", 36),
    ];

    /// <summary>A partner price per <paramref name="interval"/> (<c>month</c> or <c>day</c>) as a monthly figure.</summary>
    public static decimal OfPartnerPrice(decimal amount, string interval) =>
        string.Equals(interval, "day", StringComparison.OrdinalIgnoreCase) ? amount * DaysPerMonth : amount;

    /// <summary>
    /// The monthly figure of a service billed in <paramref name="billingCycle"/> (WHMCS's name:
    /// <c>Monthly</c>, <c>Semi-Annually</c>, ...) at <paramref name="prices"/>: the cycle's price over its
    /// months; 0 for a free or one-time service (no recurring revenue); null when the cycle is not
    /// offered (<c>-1.00</c>) or unknown.
    /// </summary>
    public static decimal? OfCycle(CyclePrices prices, string paymentType, string billingCycle)
    {
        ArgumentNullException.ThrowIfNull(prices);
        if (paymentType.Equals("free", StringComparison.OrdinalIgnoreCase)
            || paymentType.Equals("onetime", StringComparison.OrdinalIgnoreCase)
            || billingCycle.StartsWith("Free", StringComparison.OrdinalIgnoreCase)
            || billingCycle.Equals("One Time", StringComparison.OrdinalIgnoreCase))
        {
            return 0m;
        }

        var normalized = billingCycle.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var index = Cycles.ToList().FindIndex(c => c.Cycle.Replace("-", "", StringComparison.Ordinal).Equals(normalized, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : Offered(prices, index);
    }

    /// <summary>Each offered cycle of <paramref name="prices"/> with its monthly figure.</summary>
    public static IEnumerable<(string Cycle, decimal Price, decimal Monthly)> Offered(CyclePrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        for (var i = 0; i < Cycles.Count; i++)
        {
            if (Offered(prices, i) is { } monthly)
            {
                yield return (Cycles[i].Cycle, Price(prices, i), monthly);
            }
        }
    }

    private static decimal? Offered(CyclePrices prices, int index)
    {
        var price = Price(prices, index);
        return price < 0 ? null : price / Cycles[index].Months;
    }

    private static decimal Price(CyclePrices p, int index) => index switch
    {
        0 => p.Monthly,
        1 => p.Quarterly,
        2 => p.Semiannually,
        3 => p.Annually,
        4 => p.Biennially,
        _ => p.Triennially,
    };
}
