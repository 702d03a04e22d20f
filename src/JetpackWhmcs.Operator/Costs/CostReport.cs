namespace JetpackWhmcs.Operator.Costs;

/// <summary>Costs and margins of every Jetpack product, with the totals and how currencies were compared.</summary>
public sealed record CostReport
{
    /// <summary>One line per product.</summary>
    public IReadOnlyList<ProductCost> Products { get; init; } = [];

    /// <summary>The partner's currency (<c>USD</c>), in which cost, converted revenue and margin are given.</summary>
    public string PartnerCurrency { get; init; } = "USD";

    /// <summary>The sum of the monthly costs.</summary>
    public decimal TotalCost { get; init; }

    /// <summary>The sum of the monthly revenue per currency.</summary>
    public IReadOnlyDictionary<string, decimal> TotalRevenueByCurrency { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The revenue in the partner's currency; null when a currency cannot be converted.</summary>
    public decimal? TotalRevenue { get; init; }

    /// <summary>Total revenue − total cost; null when revenue cannot be converted.</summary>
    public decimal? TotalMargin { get; init; }

    /// <summary>How amounts in other currencies were brought to the partner's (or why they could not be).</summary>
    public required string Comparison { get; init; }

    /// <summary>Sentences for what is missing (WHMCS's tables, stored prices).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
