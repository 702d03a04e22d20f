using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Provisioning.Recovery;

/// <summary>A licence the API lists that the ledger does not hold.</summary>
/// <param name="License">The licence as listed.</param>
/// <param name="IssuedAt">Its issue time (UTC), when the API gave one.</param>
/// <param name="ProductSlug">The product slug from its key prefix.</param>
public sealed record UnrecordedLicense(License License, DateTime? IssuedAt, string? ProductSlug)
{
    /// <summary>The licence key.</summary>
    public string LicenseKey => License.LicenseKey;
}
