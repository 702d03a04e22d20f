using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Issuance;
using JetpackWhmcs.Provisioning.Recovery;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.ExactlyOnce;

/// <summary>
/// The steps of the exactly-once protocol, one implementation each, used by the issuer, the
/// background recovery and reconciliation alike (docs/exactly-once.md): claim, decide whether a
/// claim may be taken over (stale beyond the lease, or its holder known gone), take over, re-arm
/// before a paid call, adopt a spare licence, record what the API returned (in its slot or as an
/// unassigned licence, never nowhere), recover claims from the API's list, keep leftovers, release.
/// </summary>
internal sealed partial class ClaimProtocol(
    UnrecordedLicenseFinder finder,
    ILicenseLedger ledger,
    TimeProvider time,
    ModuleEngineOptions options,
    ClaimHolder holder,
    ILogger logger)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public ModuleEngineOptions Options => options;

    /// <summary>Step 1: a fresh claim on the request's slot, before anything is sent.</summary>
    public async Task<(HeldClaim? Held, LicenseRecord? Holder)> ClaimAsync(IssueRequest request, CancellationToken ct)
    {
        var claimId = NewClaimId();
        var now = Now;
        var result = await ledger.TryClaimAsync(
            new NewClaim
            {
                Owner = request.Owner,
                SlotKey = request.SlotKey,
                ClaimId = claimId,
                OrderId = request.OrderId,
                ProductId = request.ProductId,
                ParentServiceId = request.ParentServiceId,
                ProductSlug = request.ProductSlug,
                TokenFingerprint = request.TokenFingerprint,
                Holder = holder.Id,
                Now = now,
            },
            ct).ConfigureAwait(false);
        return result.Claimed ? (new HeldClaim(result.Record, claimId, now), null) : (null, result.Record);
    }

    /// <summary>
    /// Steps 2 and 3: takes a pending claim over (compare-and-swap on the claim id seen) when it may be
    /// taken; null when it may not, or someone else moved first.
    /// </summary>
    public async Task<HeldClaim?> TakeOverAsync(LicenseRecord row, CancellationToken ct)
    {
        if (!await MayTakeOverAsync(row, ct).ConfigureAwait(false) || await SwapAsync(row, row.ClaimId ?? "", ct).ConfigureAwait(false) is not { } taken)
        {
            return null;
        }

        LogTakeOver(logger, row.ActiveOwner, row.Id);
        return taken with { TakenFrom = row };
    }

    /// <summary>Proves the claim still ours and restarts its lease (compare-and-swap to a fresh id); null when it was lost.</summary>
    public async Task<HeldClaim?> RearmAsync(HeldClaim held, CancellationToken ct) =>
        await SwapAsync(held.Row, held.ClaimId, ct).ConfigureAwait(false) is { } rearmed ? rearmed with { TakenFrom = held.TakenFrom } : null;

    /// <summary>
    /// Whether someone else may take this pending claim: it is older than the grace (which exceeds the
    /// lease bound), or its holder is known to be gone (stopped, or restarted) for longer than the drain time.
    /// </summary>
    private async Task<bool> MayTakeOverAsync(LicenseRecord row, CancellationToken ct)
    {
        var now = Now;
        if (now - (row.ClaimedAt ?? row.IssuedAt) >= options.ClaimStaleAfter)
        {
            return true;
        }

        if (row.ClaimHolder is not { } holderId || holderId == holder.Id)
        {
            return false;
        }

        var instance = await ledger.GetInstanceAsync(holderId, ct).ConfigureAwait(false);
        return instance?.StoppedAt is { } stopped && now - stopped >= options.DeadHolderDrain;
    }

    /// <summary>Moves the claim from <paramref name="expectedClaimId"/> to a fresh id held by this process, now.</summary>
    private async Task<HeldClaim?> SwapAsync(LicenseRecord row, string expectedClaimId, CancellationToken ct)
    {
        var claimId = NewClaimId();
        var now = Now;
        return await ledger.TryTakeOverClaimAsync(row.Id, expectedClaimId, claimId, now, holder.Id, ct).ConfigureAwait(false)
            ? new HeldClaim(row with { ClaimId = claimId, ClaimedAt = now, ClaimHolder = holder.Id }, claimId, now)
            : null;
    }

    /// <summary>Re-arms only when the last check is older than the pre-call budget, so a paid call always starts inside the lease.</summary>
    public async Task<HeldClaim?> EnsureFreshAsync(HeldClaim held, CancellationToken ct) =>
        Now - held.CheckedAt <= options.PreCallBudget ? held : await RearmAsync(held, ct).ConfigureAwait(false);

    /// <summary>
    /// A cancellation that falls when the claim's lease ends for the paid call (the pre-call budget plus
    /// the API call timeout after the last check), whatever the client's own settings.
    /// </summary>
    public CancellationTokenSource LeaseFor(HeldClaim held, CancellationToken ct)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var left = held.CheckedAt + options.PreCallBudget + options.ApiCallTimeout - Now;
        source.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        return source;
    }

    /// <summary>Step 4: before anything new is issued, a spare licence of the product and token is adopted into the claim.</summary>
    public Task<LicenseRecord?> AdoptUnassignedAsync(HeldClaim held, CancellationToken ct) =>
        held.Row.ProductSlug is { Length: > 0 } product
            ? ledger.TryAdoptUnassignedAsync(held.Row.Id, held.ClaimId, product, held.Row.TokenFingerprint, Now, ct)
            : Task.FromResult<LicenseRecord?>(null);

    /// <summary>
    /// Step 5: records a licence the API returned for <paramref name="held"/>. In its slot when the
    /// claim is still ours; else, unless the key is recorded already, as an unassigned licence, so that
    /// a returned key never goes without a row. Never cancelled: the licence exists and is billed.
    /// </summary>
    public async Task<bool> RecordIssuedAsync(HeldClaim held, License license, string? productSlug, string? tokenFingerprint)
    {
        var now = Now;
        var issued = IssuedLicenses.From(license, productSlug, now);
        if (await ledger.CompleteClaimAsync(held.Row.Id, held.ClaimId, issued, now, CancellationToken.None).ConfigureAwait(false))
        {
            return true;
        }

        if (await ledger.FindByKeyAsync(license.LicenseKey, CancellationToken.None).ConfigureAwait(false) is null)
        {
            var kept = await KeepAsync(issued, productSlug ?? license.ProductSlugFromKey, tokenFingerprint, held.Row.OrderId, held.Row.ProductId,
                $"Issued for {held.Row.ActiveOwner} after its claim was taken over; kept for the next Create of this product.").ConfigureAwait(false);
            LogKeptUnassigned(logger, held.Row.ActiveOwner, license.LicenseKey, kept);
        }

        return false;
    }

    /// <summary>
    /// Step 6: recovers the claims held by matching them to the unrecorded licences the API lists for
    /// the token. Returns one result per claim (in order) and the unrecorded licences seen.
    /// </summary>
    public async Task<(IReadOnlyList<ClaimRecoveryResult> Results, IReadOnlyList<UnrecordedLicense> Unrecorded)> RecoverAsync(
        string token, IReadOnlyList<HeldClaim> held, string? auditOwner, ISet<string> used, CancellationToken ct)
    {
        IReadOnlyList<UnrecordedLicense> unrecorded;
        try
        {
            var since = held.Min(h => WindowStart(h.Row));
            unrecorded = await finder.FindAsync(token, since, auditOwner, ct).ConfigureAwait(false);
        }
        catch (JetpackApiException exception)
        {
            return (held.Select(_ => new ClaimRecoveryResult(ClaimRecoveryKind.Undecided, RequestId: exception.RequestId)).ToList(), []);
        }

        return (await MatchAsync(held, unrecorded, used, ct).ConfigureAwait(false), unrecorded);
    }

    /// <summary>Recovers one held claim (the issuer's look after a lost answer or a take-over).</summary>
    public async Task<ClaimRecoveryResult> RecoverOneAsync(string token, HeldClaim held, CancellationToken ct)
    {
        var (results, _) = await RecoverAsync(token, [held], held.Row.ActiveOwner, new HashSet<string>(StringComparer.Ordinal), ct).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>
    /// Matches held claims to unrecorded licences of their product and adopts them. A licence fits a
    /// claim when it was issued after the claim's window start; the strictest claims pick first.
    /// </summary>
    public async Task<IReadOnlyList<ClaimRecoveryResult>> MatchAsync(
        IReadOnlyList<HeldClaim> claims, IReadOnlyList<UnrecordedLicense> unrecorded, ISet<string> used, CancellationToken ct)
    {
        var results = new ClaimRecoveryResult[claims.Count];
        var order = Enumerable.Range(0, claims.Count).OrderByDescending(i => WindowStart(claims[i].Row)).ToList();
        foreach (var index in order)
        {
            var held = claims[index];
            var windowStart = WindowStart(held.Row);
            results[index] = new ClaimRecoveryResult(ClaimRecoveryKind.NoneFound);
            foreach (var candidate in unrecorded)
            {
                if (used.Contains(candidate.LicenseKey)
                    || !string.Equals(candidate.ProductSlug, held.Row.ProductSlug, StringComparison.OrdinalIgnoreCase)
                    || (candidate.IssuedAt is { } issued && issued < windowStart))
                {
                    continue;
                }

                var now = Now;
                var issuedLicense = IssuedLicenses.From(candidate.License, held.Row.ProductSlug, now);
                used.Add(candidate.LicenseKey);
                if (await ledger.CompleteClaimAsync(held.Row.Id, held.ClaimId, issuedLicense, now, ct).ConfigureAwait(false))
                {
                    results[index] = new ClaimRecoveryResult(ClaimRecoveryKind.Adopted, await ledger.GetAsync(held.Row.Id, ct).ConfigureAwait(false));
                    break;
                }

                // Either the key was recorded meanwhile by a racing call, or our claim is gone.
                var current = await ledger.GetAsync(held.Row.Id, ct).ConfigureAwait(false);
                if (current is null || current.State != LicenseState.Pending || current.ClaimId != held.ClaimId)
                {
                    results[index] = new ClaimRecoveryResult(ClaimRecoveryKind.ClaimLost, current);
                    break;
                }
            }
        }

        return results;
    }

    /// <summary>
    /// Step 7: unrecorded licences no claim took are kept as unassigned once they are older than the
    /// lease bound (no call still in flight can be waiting for them); younger ones wait for a later round.
    /// </summary>
    public async Task<IReadOnlyList<UnrecordedLicense>> KeepLeftoversAsync(IEnumerable<UnrecordedLicense> leftovers, string? tokenFingerprint, CancellationToken ct)
    {
        var kept = new List<UnrecordedLicense>();
        var settledBefore = Now - options.LeaseBound;
        foreach (var leftover in leftovers)
        {
            if (leftover.IssuedAt is not { } issuedAt || issuedAt >= settledBefore || leftover.ProductSlug is not { Length: > 0 } product)
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            var issued = IssuedLicenses.From(leftover.License, product, Now);
            if (await KeepAsync(issued, product, tokenFingerprint, 0, 0, "Found by recovery with no claim waiting for it; kept for the next Create of this product.").ConfigureAwait(false))
            {
                kept.Add(leftover);
            }
        }

        return kept;
    }

    /// <summary>
    /// Gives a claim taken over only to be recovered back its old time and holder when the recovery
    /// could not decide (the API could not be read): no paid call was sent under it, so the next look
    /// need not wait for a whole grace again.
    /// </summary>
    public async Task YieldAsync(HeldClaim held)
    {
        if (held.TakenFrom is { } before)
        {
            var previous = before.ClaimedAt ?? before.IssuedAt;
            await ledger.TryTakeOverClaimAsync(held.Row.Id, held.ClaimId, NewClaimId(), previous, before.ClaimHolder, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes a claim nothing was issued for (a definite refusal, or recovery found none).</summary>
    public Task<bool> ReleaseAsync(HeldClaim held) => ledger.ReleaseClaimAsync(held.Row.Id, held.ClaimId, CancellationToken.None);

    /// <summary>The earliest issue time a licence may have to belong to this claim.</summary>
    public DateTime WindowStart(LicenseRecord row) => IssuedLicenses.ClaimStart(row) - options.RecoveryIssuedBeforeMargin;

    private Task<bool> KeepAsync(IssuedLicense issued, string? productSlug, string? tokenFingerprint, long orderId, long productId, string note) =>
        string.IsNullOrEmpty(productSlug)
            ? Task.FromResult(false)
            : ledger.RecordUnassignedAsync(
                new UnassignedLicense
                {
                    License = issued,
                    ProductSlug = productSlug,
                    TokenFingerprint = tokenFingerprint,
                    OrderId = orderId,
                    ProductId = productId,
                    Note = note,
                    Now = Now,
                },
                CancellationToken.None);

    private static string NewClaimId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over the claim on row {RowId} of {Slot}; recovering it before issuing")]
    private static partial void LogTakeOver(ILogger logger, string? slot, long rowId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The licence {LicenseKey} issued for {Slot} arrived after its claim was taken over; kept as unassigned: {Kept}")]
    private static partial void LogKeptUnassigned(ILogger logger, string? slot, string licenseKey, bool kept);
}
