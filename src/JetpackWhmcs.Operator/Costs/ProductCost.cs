namespace JetpackWhmcs.Operator.Costs;

/// <summary>The monthly cost, revenue and margin of one Jetpack product.</summary>
public sealed record ProductCost
{
    /// <summary>The Jetpack product ("" for licences of the original module, which recorded none).</summary>
    public required string ProductSlug { get; init; }

    /// <summary>Its name (the partner catalogue's, else the slug).</summary>
    public required string ProductName { get; init; }

    /// <summary>The partner's price, when one is stored.</summary>
    public PartnerPriceView? PartnerPrice { get; init; }

    /// <summary>Licences billed to the partner (active, unassigned, unrevoked original rows).</summary>
    public long BilledLicenses { get; init; }

    /// <summary>Licences × the partner's monthly figure, in the partner's currency; null without a price.</summary>
    public decimal? MonthlyCost { get; init; }

    /// <summary>Active WHMCS services and addons of the product.</summary>
    public long ActiveServices { get; init; }

    /// <summary>Monthly revenue per currency code.</summary>
    public IReadOnlyDictionary<string, decimal> RevenueByCurrency { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The revenue brought to the partner's currency; null when a currency cannot be converted.</summary>
    public decimal? Revenue { get; init; }

    /// <summary>Revenue − cost in the partner's currency; null when either is unknown.</summary>
    public decimal? Margin { get; init; }

    /// <summary>The selling prices with their below-cost flags.</summary>
    public IReadOnlyList<PriceOffer> Offers { get; init; } = [];

    /// <summary>True when the margin is negative or any selling price is below the partner's price.</summary>
    public bool BelowCost => Margin < 0 || Offers.Any(o => o.BelowCost);
}
