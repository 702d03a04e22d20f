using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Provisioning.ExactlyOnce;
using JetpackWhmcs.Provisioning.Recovery;
using JetpackWhmcs.Provisioning.Security;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.Reconciliation;

/// <summary>
/// Compares the ledger with the API's licence list for one token: licences WHMCS does not know,
/// licences revoked outside WHMCS, rows whose key the API does not list, pending claims and kept
/// unassigned licences. With <see cref="ReconcileOptions.Fix"/> it applies the safe repairs through
/// the steps of <see cref="ClaimProtocol"/>; it revokes only when explicitly asked, and then only a
/// licence that, checked again right before the revoke, is still unrecorded and cannot belong to a
/// claim that may still be waiting for it.
/// </summary>
public sealed class ReconciliationService
{
    private const int PageSize = 100;
    private readonly ILicenseLedger ledger;
    private readonly AuditedApi api;
    private readonly ClaimProtocol protocol;

    /// <summary>Creates the service with parts of its own (tests, CLI); the service host builds it once through DI.</summary>
    public ReconciliationService(IJetpackLicensingClient client, ILicenseLedger ledger, TimeProvider time, ILogger<ReconciliationService> logger, ModuleEngineOptions? options = null)
        : this(ProvisioningParts.Create(client, ledger, time, logger, options, null, null))
    {
    }

    internal ReconciliationService(ProvisioningParts parts)
    {
        ledger = parts.Ledger;
        api = parts.Api;
        protocol = parts.Protocol;
    }

    /// <summary>Reconciles the licences of <paramref name="token"/>. Throws <see cref="JetpackApiException"/> when the API cannot be listed.</summary>
    public async Task<ReconciliationReport> ReconcileAsync(string token, ReconcileOptions? reconcile = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        reconcile ??= new ReconcileOptions();
        var fingerprint = TokenFingerprint.Of(token);
        var apiLicenses = await ListEverythingAsync(token, cancellationToken).ConfigureAwait(false);
        var byKey = apiLicenses.GroupBy(l => l.LicenseKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var (rowCount, rows, unrecorded) = await ScanRowsOfTokenAsync(fingerprint, byKey, cancellationToken).ConfigureAwait(false);
        var knownElsewhere = await KnownKeysAsync([.. unrecorded], cancellationToken).ConfigureAwait(false);

        var unknown = apiLicenses.Where(l => !l.IsRevoked && unrecorded.Contains(l.LicenseKey) && !knownElsewhere.Contains(l.LicenseKey)).ToList();
        var live = rows.Where(r => r.State is LicenseState.Active or LicenseState.Unassigned).ToList();
        var revokedOutside = live.Where(r => byKey.TryGetValue(r.LicenseKey, out var l) && l.IsRevoked).ToList();
        var missing = live.Where(r => !byKey.ContainsKey(r.LicenseKey)).ToList();
        var pending = rows.Where(r => r.State == LicenseState.Pending).ToList();
        var unassigned = rows.Where(r => r.State == LicenseState.Unassigned && !revokedOutside.Contains(r)).ToList();

        var adopted = new List<LicenseRecord>();
        var markedRevoked = new List<LicenseRecord>();
        var revokedExtras = new List<string>();
        var problems = new List<string>();
        if (reconcile.Fix)
        {
            var now = protocol.Now;
            foreach (var row in revokedOutside.Where(r => reconcile.InScope(r.LicenseKey)))
            {
                await ledger.MarkRevokedAsync(row.Id, ApiDates.ParseOr(byKey[row.LicenseKey].RevokedAt, now), now, cancellationToken).ConfigureAwait(false);
                markedRevoked.Add(row);
            }

            var used = await AdoptIntoClaimsAsync(pending, [.. unknown.Where(l => reconcile.InScope(l.LicenseKey))], adopted, cancellationToken).ConfigureAwait(false);
            if (reconcile.RevokeExtras)
            {
                foreach (var extra in unknown.Where(l => !used.Contains(l.LicenseKey) && reconcile.InScope(l.LicenseKey)))
                {
                    if (await WhyNotRevokeAsync(extra, fingerprint, cancellationToken).ConfigureAwait(false) is { } reason)
                    {
                        problems.Add($"{extra.LicenseKey}: not revoked, {reason}; run reconcile again later.");
                        continue;
                    }

                    try
                    {
                        await api.RevokeAsync(token, extra.LicenseKey, new AuditContext("reconcile"), cancellationToken).ConfigureAwait(false);
                        revokedExtras.Add(extra.LicenseKey);
                    }
                    catch (JetpackApiException exception)
                    {
                        problems.Add($"{extra.LicenseKey}: " + Sentences.ApiFailure("revoke the licence", exception));
                    }
                }
            }
        }

        return new ReconciliationReport
        {
            ApiLicenseCount = apiLicenses.Count,
            LedgerRowCount = rowCount,
            UnknownToWhmcs = unknown,
            RevokedOutsideWhmcs = revokedOutside,
            MissingOnApi = missing,
            PendingClaims = pending,
            Unassigned = unassigned,
            Adopted = adopted,
            MarkedRevoked = markedRevoked,
            RevokedExtras = revokedExtras,
            Problems = problems,
        };
    }

    /// <summary>
    /// Checked right before revoking an unknown licence: it may have been recorded since the list was
    /// read, it may be the answer of a call still in flight, or a pending claim that cannot be taken over
    /// yet may be waiting for it. Null when none of these holds.
    /// </summary>
    private async Task<string?> WhyNotRevokeAsync(License extra, string fingerprint, CancellationToken ct)
    {
        if (await ledger.FindByKeyAsync(extra.LicenseKey, ct).ConfigureAwait(false) is not null)
        {
            return "it was recorded in the ledger meanwhile";
        }

        var issuedAt = ApiDates.Parse(extra.IssuedAt);
        if (issuedAt is null || issuedAt >= protocol.Now - protocol.Options.LeaseBound)
        {
            return "it was issued too recently to be sure no call in flight is about to record it";
        }

        var product = extra.ProductSlugFromKey;
        foreach (var claim in await ledger.ListPendingAsync(protocol.Now.AddSeconds(1), ct).ConfigureAwait(false))
        {
            if ((claim.TokenFingerprint is null || claim.TokenFingerprint == fingerprint)
                && (product is null || string.Equals(claim.ProductSlug, product, StringComparison.OrdinalIgnoreCase))
                && protocol.WindowStart(claim) <= issuedAt)
            {
                return $"the pending claim on row {claim.Id} may still own it";
            }
        }

        return null;
    }

    private async Task<HashSet<string>> AdoptIntoClaimsAsync(List<LicenseRecord> pending, List<License> unknown, List<LicenseRecord> adopted, CancellationToken ct)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);

        // Live claims may still be waiting for their own answer: only those that may be taken over are adopted into.
        var held = new List<HeldClaim>();
        foreach (var row in pending)
        {
            if (await protocol.TakeOverAsync(row, ct).ConfigureAwait(false) is { } taken)
            {
                held.Add(taken);
            }
        }

        if (held.Count == 0)
        {
            return used;
        }

        var candidates = unknown.Where(l => !l.IsAttached)
            .Select(l => new UnrecordedLicense(l, ApiDates.Parse(l.IssuedAt), l.ProductSlugFromKey))
            .OrderBy(l => l.IssuedAt ?? DateTime.MaxValue)
            .ToList();
        var results = await protocol.MatchAsync(held, candidates, used, ct).ConfigureAwait(false);
        adopted.AddRange(results.Where(r => r.Kind == ClaimRecoveryKind.Adopted && r.Record is not null).Select(r => r.Record!));
        return used;
    }

    private async Task<List<License>> ListEverythingAsync(string token, CancellationToken ct)
    {
        var all = new List<License>();
        for (var page = 1; ; page++)
        {
            var result = await api.ListAsync(token, new LicenseListQuery { Page = page, PerPage = PageSize }, new AuditContext("reconcile"), ct).ConfigureAwait(false);
            all.AddRange(result.Items);
            if (result.Items.Count == 0 || page >= result.TotalPages)
            {
                return all;
            }
        }
    }

    /// <summary>
    /// Reads the token's ledger rows in batches and keeps only those a finding can come from (pending,
    /// unassigned, and live rows whose key the API does not list as live), so memory holds the API's list
    /// and a few rows, not a second copy of every licence. Also returns the API keys no row of the token
    /// recorded and how many rows the token has.
    /// </summary>
    private async Task<(int Count, List<LicenseRecord> Rows, HashSet<string> Unrecorded)> ScanRowsOfTokenAsync(string fingerprint, Dictionary<string, License> byKey, CancellationToken ct)
    {
        var rows = new List<LicenseRecord>();
        var unrecorded = new HashSet<string>(byKey.Keys, StringComparer.Ordinal);
        var count = 0;
        var afterId = 0L;
        while (true)
        {
            var batch = await ledger.ListAsync(new LedgerQuery { AfterId = afterId, Limit = 1000 }, ct).ConfigureAwait(false);
            foreach (var row in batch.Where(r => r.TokenFingerprint == fingerprint || (r.TokenFingerprint is null && byKey.ContainsKey(r.LicenseKey))))
            {
                count++;
                unrecorded.Remove(row.LicenseKey);
                var listedLive = byKey.TryGetValue(row.LicenseKey, out var listed) && !listed.IsRevoked;
                if (row.State is LicenseState.Pending or LicenseState.Unassigned || (row.State is LicenseState.Active && !listedLive))
                {
                    rows.Add(row);
                }
            }

            if (batch.Count == 0)
            {
                return (count, rows, unrecorded);
            }

            afterId = batch[^1].Id;
        }
    }

    private async Task<HashSet<string>> KnownKeysAsync(List<string> keys, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            known.UnionWith(await ledger.FindKnownKeysAsync(chunk, ct).ConfigureAwait(false));
        }

        return known;
    }
}
