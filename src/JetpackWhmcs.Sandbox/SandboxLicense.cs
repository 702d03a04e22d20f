namespace JetpackWhmcs.Sandbox;

/// <summary>A licence held by the sandbox (an immutable snapshot; the store replaces it on change).</summary>
/// <param name="LicenseId">The licence id (int64).</param>
/// <param name="LicenseKey">The key, <c>&lt;slug&gt;_&lt;25 random letters and digits&gt;</c>.</param>
/// <param name="ProductSlug">The product slug the licence was issued for.</param>
/// <param name="ProductId">The product id.</param>
/// <param name="ProductName">The product name, e.g. <c>Jetpack Backup (Daily)</c>.</param>
/// <param name="IssuedAt">When it was issued (UTC, whole seconds).</param>
/// <param name="RevokedAt">When it was revoked; null while not revoked.</param>
/// <param name="BlogId">The attached site's blog id; null when unattached.</param>
/// <param name="SiteUrl">The attached site's URL; null when unattached.</param>
/// <param name="AttachedAt">When it was attached to its current site; null when unattached.</param>
/// <param name="OwnerType">Who owns it, always <c>jetpack_partner_key</c> in the sandbox.</param>
public sealed record SandboxLicense(
    long LicenseId,
    string LicenseKey,
    string ProductSlug,
    long ProductId,
    string ProductName,
    DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt,
    long? BlogId,
    string? SiteUrl,
    DateTimeOffset? AttachedAt,
    string OwnerType)
{
    /// <summary>True once revoked (final).</summary>
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>True while attached to a site.</summary>
    public bool IsAttached => BlogId is not null;
}
