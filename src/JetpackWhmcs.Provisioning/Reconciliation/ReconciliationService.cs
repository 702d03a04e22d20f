using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Provisioning.Issuance;
using JetpackWhmcs.Provisioning.Recovery;
using JetpackWhmcs.Provisioning.Security;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.Reconciliation;

/// <summary>
/// Compares the ledger with the API's licence list for one token: licences WHMCS does not know,
/// licences revoked outside WHMCS, rows whose key the API does not list, and pending claims. With
/// <see cref="ReconcileOptions.Fix"/> it applies the safe repairs; it revokes only when explicitly asked.
/// </summary>
public sealed class ReconciliationService
{
    private const int PageSize = 100;
    private readonly ILicenseLedger ledger;
    private readonly TimeProvider time;
    private readonly ModuleEngineOptions options;
    private readonly AuditedApi api;
    private readonly ClaimRecovery recovery;

    /// <summary>Creates the service.</summary>
    public ReconciliationService(IJetpackLicensingClient client, ILicenseLedger ledger, TimeProvider time, ILogger<ReconciliationService> logger, ModuleEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.options = options ?? new ModuleEngineOptions();
        api = new AuditedApi(client, ledger, time, logger ?? throw new ArgumentNullException(nameof(logger)));
        recovery = new ClaimRecovery(new UnrecordedLicenseFinder(api, ledger, this.options), ledger, time, this.options);
    }

    /// <summary>Reconciles the licences of <paramref name="token"/>. Throws <see cref="JetpackApiException"/> when the API cannot be listed.</summary>
    public async Task<ReconciliationReport> ReconcileAsync(string token, ReconcileOptions? reconcile = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        reconcile ??= new ReconcileOptions();
        var fingerprint = TokenFingerprint.Of(token);
        var apiLicenses = await ListEverythingAsync(token, cancellationToken).ConfigureAwait(false);
        var byKey = apiLicenses.GroupBy(l => l.LicenseKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = await RowsOfTokenAsync(fingerprint, byKey, cancellationToken).ConfigureAwait(false);
        var recorded = rows.Select(r => r.LicenseKey).ToHashSet(StringComparer.Ordinal);
        var known = await KnownKeysAsync(byKey.Keys.Where(k => !recorded.Contains(k)).ToList(), cancellationToken).ConfigureAwait(false);
        known.UnionWith(recorded);

        var unknown = apiLicenses.Where(l => !l.IsRevoked && !known.Contains(l.LicenseKey)).ToList();
        var active = rows.Where(r => r.State == LicenseState.Active).ToList();
        var revokedOutside = active.Where(r => byKey.TryGetValue(r.LicenseKey, out var l) && l.IsRevoked).ToList();
        var missing = active.Where(r => !byKey.ContainsKey(r.LicenseKey)).ToList();
        var pending = rows.Where(r => r.State == LicenseState.Pending).ToList();

        var adopted = new List<LicenseRecord>();
        var markedRevoked = new List<LicenseRecord>();
        var revokedExtras = new List<string>();
        var problems = new List<string>();
        if (reconcile.Fix)
        {
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var row in revokedOutside)
            {
                await ledger.MarkRevokedAsync(row.Id, ApiDates.ParseOr(byKey[row.LicenseKey].RevokedAt, now), now, cancellationToken).ConfigureAwait(false);
                markedRevoked.Add(row);
            }

            var used = await AdoptIntoStaleClaimsAsync(pending, unknown, adopted, now, cancellationToken).ConfigureAwait(false);
            if (reconcile.RevokeExtras)
            {
                foreach (var extra in unknown.Where(l => !used.Contains(l.LicenseKey)))
                {
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
            LedgerRowCount = rows.Count,
            UnknownToWhmcs = unknown,
            RevokedOutsideWhmcs = revokedOutside,
            MissingOnApi = missing,
            PendingClaims = pending,
            Adopted = adopted,
            MarkedRevoked = markedRevoked,
            RevokedExtras = revokedExtras,
            Problems = problems,
        };
    }

    private async Task<HashSet<string>> AdoptIntoStaleClaimsAsync(
        List<LicenseRecord> pending, List<License> unknown, List<LicenseRecord> adopted, DateTime now, CancellationToken ct)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);

        // Fresh claims may still be waiting for their own answer: only stale ones are adopted into.
        var held = new List<(LicenseRecord Row, string ClaimId)>();
        foreach (var row in pending.Where(r => now - (r.ClaimedAt ?? r.IssuedAt) >= options.ClaimStaleAfter))
        {
            var claimId = Guid.NewGuid().ToString("N");
            if (await ledger.TryTakeOverClaimAsync(row.Id, row.ClaimId ?? "", claimId, now, ct).ConfigureAwait(false))
            {
                held.Add((row, claimId));
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
        var results = await recovery.MatchAsync(held, candidates, ct, used).ConfigureAwait(false);
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

    private async Task<List<LicenseRecord>> RowsOfTokenAsync(string fingerprint, Dictionary<string, License> byKey, CancellationToken ct)
    {
        var rows = new List<LicenseRecord>();
        var afterId = 0L;
        while (true)
        {
            var batch = await ledger.ListAsync(new LedgerQuery { AfterId = afterId, Limit = 1000 }, ct).ConfigureAwait(false);
            rows.AddRange(batch.Where(r => r.TokenFingerprint == fingerprint || (r.TokenFingerprint is null && byKey.ContainsKey(r.LicenseKey))));
            if (batch.Count == 0)
            {
                return rows;
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
