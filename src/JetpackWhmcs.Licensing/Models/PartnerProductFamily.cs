using System.Text.Json.Serialization;

namespace JetpackWhmcs.Licensing.Models;

/// <summary>A family of Jetpack products with the partner's prices.</summary>
public sealed record PartnerProductFamily
{
    /// <summary>The family name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The family slug.</summary>
    [JsonPropertyName("slug")]
    public string Slug { get; init; } = "";

    /// <summary>The products of the family with prices.</summary>
    [JsonPropertyName("products")]
    public IReadOnlyList<PricedProduct> Products { get; init; } = [];
}

/// <summary>A Jetpack product with the partner's price.</summary>
public sealed record PricedProduct
{
    /// <summary>The product id.</summary>
    [JsonPropertyName("product_id")]
    public long ProductId { get; init; }

    /// <summary>The product name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The product slug.</summary>
    [JsonPropertyName("slug")]
    public string Slug { get; init; } = "";

    /// <summary>The currency, e.g. <c>usd</c>.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary>The price per interval.</summary>
    [JsonPropertyName("amount")]
    public decimal Amount { get; init; }

    /// <summary>The billing interval, <c>month</c> or <c>day</c>.</summary>
    [JsonPropertyName("price_interval")]
    public string? PriceInterval { get; init; }
}
