using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Audit;

namespace JetpackWhmcs.Provisioning.Issuance;

/// <summary>Turns an API licence into what the ledger records.</summary>
internal static class IssuedLicenses
{
    public static IssuedLicense From(License license, string? productSlug, DateTime now) => new(
        license.LicenseKey,
        license.LicenseId > 0 ? license.LicenseId : null,
        ApiDates.ParseOr(license.IssuedAt, now),
        productSlug ?? license.ProductSlugFromKey,
        ApiDates.Parse(license.RevokedAt),
        string.IsNullOrEmpty(license.SiteUrl) ? null : license.SiteUrl,
        ApiDates.Parse(license.AttachedAt));

    /// <summary>The product of a row: its slug column, else the key's prefix (rows of the original module).</summary>
    public static string? ProductOf(LicenseRecord record)
    {
        if (!string.IsNullOrEmpty(record.ProductSlug))
        {
            return record.ProductSlug;
        }

        var cut = record.LicenseKey.LastIndexOf('_');
        return cut > 0 && record.State != LicenseState.Pending ? record.LicenseKey[..cut] : null;
    }

    /// <summary>When the claim behind a pending row was first made (a takeover moves the claim time, not the issue time).</summary>
    public static DateTime ClaimStart(LicenseRecord record) =>
        record.ClaimedAt is { } claimed && claimed < record.IssuedAt ? claimed : record.IssuedAt;
}
