using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Audit;

namespace JetpackWhmcs.Provisioning.Recovery;

/// <summary>
/// Lists a token's recent, not revoked, unattached licences (newest first, a bounded number of pages)
/// and keeps those the ledger does not record: the licences a lost answer or a crash may have left.
/// </summary>
internal sealed class UnrecordedLicenseFinder(AuditedApi api, ILicenseLedger ledger, ModuleEngineOptions options)
{
    /// <summary>Unrecorded, unattached, not revoked licences issued at or after <paramref name="issuedSince"/>, oldest first.</summary>
    public async Task<IReadOnlyList<UnrecordedLicense>> FindAsync(string token, DateTime issuedSince, string? auditOwner, CancellationToken ct)
    {
        var found = new List<UnrecordedLicense>();
        for (var page = 1; page <= options.RecoveryMaxPages; page++)
        {
            var query = new LicenseListQuery
            {
                Filter = LicenseFilter.NotRevoked,
                SortField = LicenseSortField.IssuedAt,
                SortDirection = SortDirection.Descending,
                Page = page,
                PerPage = options.RecoveryPageSize,
            };
            var result = await api.ListAsync(token, query, new AuditContext(auditOwner), ct).ConfigureAwait(false);
            var reachedOlder = false;
            foreach (var license in result.Items)
            {
                var issuedAt = ApiDates.Parse(license.IssuedAt);
                if (issuedAt is { } at && at < issuedSince)
                {
                    reachedOlder = true;
                    continue;
                }

                if (!license.IsRevoked && !license.IsAttached)
                {
                    found.Add(new UnrecordedLicense(license, issuedAt, license.ProductSlugFromKey));
                }
            }

            if (reachedOlder || result.Items.Count == 0 || page >= result.TotalPages)
            {
                break;
            }
        }

        if (found.Count == 0)
        {
            return found;
        }

        var known = await ledger.FindKnownKeysAsync(found.Select(l => l.LicenseKey).ToList(), ct).ConfigureAwait(false);
        return found
            .Where(l => !known.Contains(l.LicenseKey))
            .OrderBy(l => l.IssuedAt ?? DateTime.MaxValue)
            .ToList();
    }
}
