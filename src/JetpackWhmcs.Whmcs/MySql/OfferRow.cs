using JetpackWhmcs.Whmcs.ClientArea;

namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>One row of <see cref="ClientAreaStatements.Offers"/>: an addon with every cycle's price.</summary>
internal sealed class OfferRow
{
    public long ServiceId { get; init; }

    public string? ServiceDomain { get; init; }

    public string? ProductName { get; init; }

    public long AddonId { get; init; }

    public string? AddonName { get; init; }

    public string? BillingCycle { get; init; }

    public decimal Monthly { get; init; }

    public decimal Quarterly { get; init; }

    public decimal SemiAnnually { get; init; }

    public decimal Annually { get; init; }

    public decimal Biennially { get; init; }

    public decimal Triennially { get; init; }

    public string? CurrencyCode { get; init; }

    public string? CurrencyPrefix { get; init; }

    public string? CurrencySuffix { get; init; }

    public int CurrencyFormat { get; init; }

    /// <summary>
    /// The offer at the addon's billing cycle, or null when that cycle is not offered in this currency
    /// (WHMCS's <c>-1.00</c>). A free addon costs 0; a one-time price sits in <c>monthly</c>; an addon with
    /// several cycles (<c>recurring</c>) is offered at its first priced cycle.
    /// </summary>
    public AddonOffer? ToOffer()
    {
        var cycle = (BillingCycle ?? "").Trim();
        (string Cycle, decimal Price)? chosen = cycle.ToLowerInvariant() switch
        {
            "free" or "free account" => (cycle, 0m),
            "one time" or "onetime" or "monthly" => (cycle, Monthly),
            "quarterly" => (cycle, Quarterly),
            "semi-annually" or "semiannually" => (cycle, SemiAnnually),
            "annually" => (cycle, Annually),
            "biennially" => (cycle, Biennially),
            "triennially" => (cycle, Triennially),
            _ => FirstPriced(),
        };
        if (chosen is not { } offer || offer.Price < 0)
        {
            return null;
        }

        return new AddonOffer(
            ServiceId, ServiceDomain ?? "", ProductName ?? "", AddonId, AddonName ?? "", offer.Cycle, offer.Price,
            CurrencyCode ?? "", CurrencyPrefix ?? "", CurrencySuffix ?? "", CurrencyFormat);
    }

    private (string, decimal)? FirstPriced()
    {
        (string, decimal)[] cycles =
        [
            ("Monthly", Monthly), ("Quarterly", Quarterly), ("Semi-Annually", SemiAnnually),
            ("Annually", Annually), ("Biennially", Biennially), ("Triennially", Triennially),
        ];
        foreach (var cycle in cycles)
        {
            if (cycle.Item2 >= 0)
            {
                return cycle;
            }
        }

        return null;
    }
}
