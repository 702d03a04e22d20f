using System.Text.Json.Serialization;

namespace JetpackWhmcs.Licensing.Models;

/// <summary>
/// A Jetpack licence as the API returns it. Only <see cref="LicenseKey"/> is required; the API's
/// shape differs between endpoints, so every other field is optional and unknown fields are ignored.
/// </summary>
public sealed record License
{
    /// <summary>The licence id (int64), or 0 when the endpoint did not send one.</summary>
    [JsonPropertyName("license_id")]
    public long LicenseId { get; init; }

    /// <summary>The licence key, in practice <c>&lt;product-slug&gt;_&lt;random&gt;</c>.</summary>
    [JsonPropertyName("license_key")]
    public required string LicenseKey { get; init; }

    /// <summary>When the licence was issued, in the API's format (<c>yyyy-MM-dd HH:mm:ss</c>, UTC).</summary>
    [JsonPropertyName("issued_at")]
    public string? IssuedAt { get; init; }

    /// <summary>When the licence was attached to its current site; null when it is not attached.</summary>
    [JsonPropertyName("attached_at")]
    public string? AttachedAt { get; init; }

    /// <summary>When the licence was revoked; null while it is not revoked.</summary>
    [JsonPropertyName("revoked_at")]
    public string? RevokedAt { get; init; }

    /// <summary>The product name (list endpoint only).</summary>
    [JsonPropertyName("product")]
    public string? Product { get; init; }

    /// <summary>The product id (list endpoint only).</summary>
    [JsonPropertyName("product_id")]
    public long? ProductId { get; init; }

    /// <summary>The blog id of the attached site; null when unattached.</summary>
    [JsonPropertyName("blog_id")]
    public long? BlogId { get; init; }

    /// <summary>The URL of the attached site; null when unattached.</summary>
    [JsonPropertyName("siteurl")]
    public string? SiteUrl { get; init; }

    /// <summary>Who owns the licence (list endpoint only), e.g. <c>jetpack_partner_key</c>.</summary>
    [JsonPropertyName("owner_type")]
    public string? OwnerType { get; init; }

    /// <summary>True when <see cref="RevokedAt"/> is set.</summary>
    [JsonIgnore]
    public bool IsRevoked => !string.IsNullOrEmpty(RevokedAt);

    /// <summary>True when the licence is attached to a site (it has a blog id or an attach time).</summary>
    [JsonIgnore]
    public bool IsAttached => BlogId is not null || !string.IsNullOrEmpty(AttachedAt);

    /// <summary>
    /// The product slug the key was issued for, read from the key's <c>&lt;slug&gt;_</c> prefix;
    /// null when the key has no underscore.
    /// </summary>
    [JsonIgnore]
    public string? ProductSlugFromKey
    {
        get
        {
            var cut = LicenseKey.LastIndexOf('_');
            return cut > 0 ? LicenseKey[..cut] : null;
        }
    }
}
