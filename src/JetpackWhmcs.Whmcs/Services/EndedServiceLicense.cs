namespace JetpackWhmcs.Whmcs.Services;

/// <summary>A terminated or cancelled WHMCS service or addon whose licence the ledger still holds as active (billed for nothing).</summary>
/// <param name="Service">The service or addon.</param>
/// <param name="LicenseRowId">The ledger row (<c>jetpack_product_licenses.id</c>).</param>
/// <param name="LicenseKey">The licence key.</param>
/// <param name="TokenFingerprint">The fingerprint of the token that issued it, when recorded.</param>
public sealed record EndedServiceLicense(JetpackService Service, long LicenseRowId, string LicenseKey, string? TokenFingerprint);
