using System.Text.Json.Serialization;

namespace JetpackWhmcs.Licensing.Models;

/// <summary>A family of Jetpack products (public endpoint).</summary>
public sealed record ProductFamily
{
    /// <summary>The family name, e.g. "Jetpack Packs".</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The family slug.</summary>
    [JsonPropertyName("slug")]
    public string Slug { get; init; } = "";

    /// <summary>A description of the family, when the API sends one.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The products of the family.</summary>
    [JsonPropertyName("products")]
    public IReadOnlyList<Product> Products { get; init; } = [];
}

/// <summary>A Jetpack product.</summary>
public sealed record Product
{
    /// <summary>The product id.</summary>
    [JsonPropertyName("product_id")]
    public long ProductId { get; init; }

    /// <summary>The product name, e.g. "Jetpack Backup (Daily)".</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The product slug, e.g. <c>jetpack-backup-daily</c>; what licences are issued for.</summary>
    [JsonPropertyName("slug")]
    public string Slug { get; init; } = "";
}
