using System.Globalization;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Reconciliation;

namespace JetpackWhmcs.Operator.Drift;

/// <summary>Turns one token's reconcile report into findings.</summary>
internal static class ReconcileFindings
{
    public static IEnumerable<DriftFinding> From(ReconciliationReport report, string fingerprint)
    {
        foreach (var licence in report.UnknownToWhmcs)
        {
            yield return new DriftFinding
            {
                Id = $"unknown:{licence.LicenseKey}",
                Kind = FindingKind.UnknownToWhmcs,
                TokenFingerprint = fingerprint,
                LicenseKey = licence.LicenseKey,
                ProductSlug = licence.ProductSlugFromKey ?? licence.Product,
                Detail = $"Licence {licence.LicenseKey} is active on Jetpack (issued {licence.IssuedAt ?? "at an unknown time"}) but no WHMCS service or addon holds it: it is billed for nobody.",
            };
        }

        foreach (var row in report.RevokedOutsideWhmcs)
        {
            yield return Row(row, fingerprint, FindingKind.RevokedOutsideWhmcs, "revoked", $"Licence {row.LicenseKey} was revoked on Jetpack outside WHMCS, but the ledger still holds it as active.");
        }

        foreach (var row in report.MissingOnApi)
        {
            yield return Row(row, fingerprint, FindingKind.MissingOnApi, "missing",
                $"Licence {row.LicenseKey} is active in the ledger, but Jetpack does not list it for token {fingerprint}: check that the product's token is the one that issued it.");
        }

        foreach (var row in report.PendingClaims)
        {
            yield return Row(row, fingerprint, FindingKind.PendingClaim, "pending",
                $"The claim on row {row.Id.ToString(CultureInfo.InvariantCulture)} (claimed {row.ClaimedAt?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "at an unknown time"}) is still waiting for its licence: the background recovery completes or releases it.");
        }
    }

    private static DriftFinding Row(LicenseRecord row, string fingerprint, FindingKind kind, string prefix, string detail) => new()
    {
        Id = $"{prefix}:{row.Id.ToString(CultureInfo.InvariantCulture)}",
        Kind = kind,
        TokenFingerprint = row.TokenFingerprint ?? fingerprint,
        LicenseKey = row.State == LicenseState.Pending ? null : row.LicenseKey,
        LicenseRowId = row.Id,
        Owner = row.ActiveOwner ?? (row.AddonId is { } addon ? LicenseOwner.Addon(addon).SlotKey : row.ServiceId is { } service ? LicenseOwner.Service(service).SlotKey : null),
        ServiceId = row.ServiceId,
        AddonId = row.AddonId,
        ProductSlug = row.ProductSlug,
        Detail = detail,
    };
}
