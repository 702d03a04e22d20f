using System.Text.Json.Serialization;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>A licence as the single-licence endpoints return it.</summary>
internal sealed record LicenseBody(
    [property: JsonPropertyName("license_id")] long LicenseId,
    [property: JsonPropertyName("license_key")] string LicenseKey,
    [property: JsonPropertyName("issued_at")] string IssuedAt,
    [property: JsonPropertyName("revoked_at")] string? RevokedAt);
