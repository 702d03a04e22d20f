using System.Text.Json.Serialization;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>A licence as the list endpoint returns it, with product and site fields.</summary>
internal sealed record LicenseListItem(
    [property: JsonPropertyName("license_id")] long LicenseId,
    [property: JsonPropertyName("license_key")] string LicenseKey,
    [property: JsonPropertyName("product")] string Product,
    [property: JsonPropertyName("product_id")] long ProductId,
    [property: JsonPropertyName("blog_id")] long? BlogId,
    [property: JsonPropertyName("siteurl")] string? SiteUrl,
    [property: JsonPropertyName("issued_at")] string IssuedAt,
    [property: JsonPropertyName("attached_at")] string? AttachedAt,
    [property: JsonPropertyName("revoked_at")] string? RevokedAt,
    [property: JsonPropertyName("owner_type")] string OwnerType);
