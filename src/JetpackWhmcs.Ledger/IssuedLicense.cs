namespace JetpackWhmcs.Ledger;

/// <summary>What the ledger records of a licence the API issued.</summary>
/// <param name="LicenseKey">The key.</param>
/// <param name="JetpackLicenseId">The Jetpack licence id.</param>
/// <param name="IssuedAt">The API's issue time (UTC).</param>
/// <param name="ProductSlug">The product slug.</param>
/// <param name="RevokedAt">When the API says it is already revoked (recording an existing licence).</param>
/// <param name="AttachedSite">The attached site, when known.</param>
/// <param name="AttachedAt">When it was attached, when known.</param>
public sealed record IssuedLicense(
    string LicenseKey,
    long? JetpackLicenseId,
    DateTime IssuedAt,
    string? ProductSlug,
    DateTime? RevokedAt = null,
    string? AttachedSite = null,
    DateTime? AttachedAt = null);
