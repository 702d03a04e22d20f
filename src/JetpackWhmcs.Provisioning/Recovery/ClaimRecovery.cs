using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.Issuance;

namespace JetpackWhmcs.Provisioning.Recovery;

/// <summary>
/// Resolves pending claims by adopting unrecorded licences of the same product issued since shortly
/// before the claim. Unattached licences of one product are interchangeable, so claims and licences
/// are matched in any order.
/// </summary>
internal sealed class ClaimRecovery(UnrecordedLicenseFinder finder, ILicenseLedger ledger, TimeProvider time, ModuleEngineOptions options)
{
    /// <summary>Recovers one claim this caller holds (<paramref name="claimId"/>).</summary>
    public async Task<ClaimRecoveryResult> RecoverAsync(LicenseRecord row, string claimId, string token, CancellationToken ct)
    {
        IReadOnlyList<UnrecordedLicense> unrecorded;
        try
        {
            unrecorded = await finder.FindAsync(token, WindowStart(row), row.ActiveOwner, ct).ConfigureAwait(false);
        }
        catch (JetpackApiException exception)
        {
            return new ClaimRecoveryResult(ClaimRecoveryKind.Undecided, RequestId: exception.RequestId);
        }

        var results = await MatchAsync([(row, claimId)], unrecorded, ct).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>The earliest issue time a licence may have to belong to this claim.</summary>
    public DateTime WindowStart(LicenseRecord row) => IssuedLicenses.ClaimStart(row) - options.RecoveryIssuedBeforeMargin;

    /// <summary>
    /// Matches held claims to unrecorded licences of their product and adopts them. A licence fits a
    /// claim when it was issued after the claim's window start; the strictest claims pick first.
    /// Returns one result per claim, in the order given; the adopted keys are added to <paramref name="used"/>.
    /// </summary>
    public async Task<IReadOnlyList<ClaimRecoveryResult>> MatchAsync(
        IReadOnlyList<(LicenseRecord Row, string ClaimId)> claims,
        IReadOnlyList<UnrecordedLicense> unrecorded,
        CancellationToken ct,
        ISet<string>? used = null)
    {
        used ??= new HashSet<string>(StringComparer.Ordinal);
        var results = new ClaimRecoveryResult[claims.Count];
        var order = Enumerable.Range(0, claims.Count).OrderByDescending(i => WindowStart(claims[i].Row)).ToList();
        foreach (var index in order)
        {
            var (row, claimId) = claims[index];
            var windowStart = WindowStart(row);
            results[index] = new ClaimRecoveryResult(ClaimRecoveryKind.NoneFound);
            foreach (var candidate in unrecorded)
            {
                if (used.Contains(candidate.LicenseKey)
                    || !string.Equals(candidate.ProductSlug, row.ProductSlug, StringComparison.OrdinalIgnoreCase)
                    || (candidate.IssuedAt is { } issued && issued < windowStart))
                {
                    continue;
                }

                var now = time.GetUtcNow().UtcDateTime;
                var issuedLicense = IssuedLicenses.From(candidate.License, row.ProductSlug, now);
                if (await ledger.CompleteClaimAsync(row.Id, claimId, issuedLicense, now, ct).ConfigureAwait(false))
                {
                    used.Add(candidate.LicenseKey);
                    results[index] = new ClaimRecoveryResult(ClaimRecoveryKind.Adopted, await ledger.GetAsync(row.Id, ct).ConfigureAwait(false));
                    break;
                }

                // Either the key was recorded meanwhile by a racing call, or our claim is gone.
                used.Add(candidate.LicenseKey);
                var current = await ledger.GetAsync(row.Id, ct).ConfigureAwait(false);
                if (current is null || current.State != LicenseState.Pending || current.ClaimId != claimId)
                {
                    results[index] = new ClaimRecoveryResult(ClaimRecoveryKind.ClaimLost, current);
                    break;
                }
            }
        }

        return results;
    }
}
