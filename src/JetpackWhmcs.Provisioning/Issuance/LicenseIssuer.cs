using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Provisioning.Recovery;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.Issuance;

/// <summary>
/// Exactly-once issuance into one slot: claim in the ledger (the database keeps the slot unique), then
/// call the API, then record the key. A lost answer keeps the claim pending and is resolved by
/// recovery, which adopts the licence the API issued before anything new is issued.
/// </summary>
internal sealed partial class LicenseIssuer(
    AuditedApi api,
    ILicenseLedger ledger,
    ClaimRecovery recovery,
    TimeProvider time,
    ModuleEngineOptions options,
    IProvisioningHooks hooks,
    ILogger logger)
{
    public async Task<IssueOutcome> EnsureIssuedAsync(IssueRequest request, CancellationToken ct)
    {
        // A few rounds: a claim that vanished between two reads (released, promoted) is looked at again.
        for (var round = 0; round < 3; round++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var holder = await ledger.FindBySlotAsync(request.SlotKey, ct).ConfigureAwait(false);
            if (holder is null)
            {
                var claimId = Guid.NewGuid().ToString("N");
                var claim = await ledger.TryClaimAsync(
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
                        Now = now,
                    },
                    ct).ConfigureAwait(false);
                if (!claim.Claimed)
                {
                    continue;
                }

                return await IssueAsync(request, claim.Record, claimId, ct).ConfigureAwait(false);
            }

            if (holder.State == LicenseState.Active)
            {
                return new IssueOutcome(IssueOutcomeKind.AlreadyActive, holder);
            }

            if (holder.State != LicenseState.Pending)
            {
                continue;
            }

            var claimedAt = holder.ClaimedAt ?? holder.IssuedAt;
            if (now - claimedAt < options.ClaimStaleAfter)
            {
                return new IssueOutcome(IssueOutcomeKind.InProgress, holder, Sentences.InProgress);
            }

            var newClaimId = Guid.NewGuid().ToString("N");
            if (!await ledger.TryTakeOverClaimAsync(holder.Id, holder.ClaimId ?? "", newClaimId, now, ct).ConfigureAwait(false))
            {
                return new IssueOutcome(IssueOutcomeKind.InProgress, holder, Sentences.InProgress);
            }

            LogTakeOver(logger, request.SlotKey, holder.Id);
            var recovered = await recovery.RecoverAsync(holder, newClaimId, request.Token, ct).ConfigureAwait(false);
            switch (recovered.Kind)
            {
                case ClaimRecoveryKind.Adopted:
                    return new IssueOutcome(IssueOutcomeKind.Recovered, recovered.Record);
                case ClaimRecoveryKind.ClaimLost:
                    continue;
                case ClaimRecoveryKind.Undecided:
                    return new IssueOutcome(IssueOutcomeKind.Unknown, holder, Sentences.MayHaveBeenIssued(recovered.RequestId), recovered.RequestId);
            }

            // Nothing was issued for the stale claim. The recovery look may have taken long, so before the
            // paid call prove the claim is still ours and restart its staleness clock (compare-and-swap):
            // no one may take it over while the issue call, bounded by the client's deadline, runs.
            var armedAt = time.GetUtcNow().UtcDateTime;
            var armedClaimId = Guid.NewGuid().ToString("N");
            if (!await ledger.TryTakeOverClaimAsync(holder.Id, newClaimId, armedClaimId, armedAt, ct).ConfigureAwait(false))
            {
                return new IssueOutcome(IssueOutcomeKind.InProgress, holder, Sentences.InProgress);
            }

            var taken = holder with { ClaimId = armedClaimId, ClaimedAt = armedAt };
            return await IssueAsync(request, taken, armedClaimId, ct).ConfigureAwait(false);
        }

        return new IssueOutcome(IssueOutcomeKind.InProgress, null, Sentences.InProgress);
    }

    /// <summary>
    /// For functions other than Create that find a pending claim in the way: a fresh one is in progress;
    /// a stale one is taken over and recovered (adopting its licence), or released when none was issued.
    /// </summary>
    public async Task<IssueOutcome> SettlePendingAsync(LicenseRecord pending, string token, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now - (pending.ClaimedAt ?? pending.IssuedAt) < options.ClaimStaleAfter)
        {
            return new IssueOutcome(IssueOutcomeKind.InProgress, pending, Sentences.InProgress);
        }

        var newClaimId = Guid.NewGuid().ToString("N");
        if (!await ledger.TryTakeOverClaimAsync(pending.Id, pending.ClaimId ?? "", newClaimId, now, ct).ConfigureAwait(false))
        {
            return new IssueOutcome(IssueOutcomeKind.InProgress, pending, Sentences.InProgress);
        }

        var recovered = await recovery.RecoverAsync(pending, newClaimId, token, ct).ConfigureAwait(false);
        switch (recovered.Kind)
        {
            case ClaimRecoveryKind.Adopted:
                return new IssueOutcome(IssueOutcomeKind.Recovered, recovered.Record);
            case ClaimRecoveryKind.NoneFound:
                await ledger.ReleaseClaimAsync(pending.Id, newClaimId, CancellationToken.None).ConfigureAwait(false);
                return new IssueOutcome(IssueOutcomeKind.Released);
            case ClaimRecoveryKind.ClaimLost:
                return new IssueOutcome(IssueOutcomeKind.InProgress, recovered.Record, Sentences.InProgress);
            default:
                return new IssueOutcome(IssueOutcomeKind.Unknown, pending, Sentences.MayHaveBeenIssued(recovered.RequestId), recovered.RequestId);
        }
    }

    private async Task<IssueOutcome> IssueAsync(IssueRequest request, LicenseRecord claim, string claimId, CancellationToken ct)
    {
        License license;
        try
        {
            license = await api.IssueAsync(request.Token, request.ProductSlug, new AuditContext(request.SlotKey, claim.Id), ct).ConfigureAwait(false);
        }
        catch (JetpackApiException exception) when (!exception.MayHaveBeenCarriedOut)
        {
            // A definite refusal: no licence exists for this claim, so the slot is freed for a later try.
            await ledger.ReleaseClaimAsync(claim.Id, claimId, CancellationToken.None).ConfigureAwait(false);
            var sentence = Sentences.ApiFailure("issue a licence", exception);
            return new IssueOutcome(IssueOutcomeKind.Refused, null, sentence, exception.RequestId);
        }
        catch (JetpackApiException exception)
        {
            // The licence may exist: the claim stays pending, and one recovery look happens right away.
            LogUnconfirmedIssue(logger, request.SlotKey, exception.RequestId);
            var recovered = await recovery.RecoverAsync(claim, claimId, request.Token, CancellationToken.None).ConfigureAwait(false);
            return recovered.Kind == ClaimRecoveryKind.Adopted
                ? new IssueOutcome(IssueOutcomeKind.Recovered, recovered.Record, RequestId: exception.RequestId)
                : new IssueOutcome(IssueOutcomeKind.Unknown, claim, Sentences.MayHaveBeenIssued(exception.RequestId), exception.RequestId);
        }

        await hooks.AfterIssuedBeforeRecordedAsync(claim, license, ct).ConfigureAwait(false);

        // The licence exists and is billed: record it even if the caller has given up meanwhile.
        var now = time.GetUtcNow().UtcDateTime;
        var issued = IssuedLicenses.From(license, request.ProductSlug, now);
        if (await ledger.CompleteClaimAsync(claim.Id, claimId, issued, now, CancellationToken.None).ConfigureAwait(false))
        {
            return new IssueOutcome(IssueOutcomeKind.Issued, await ledger.GetAsync(claim.Id, CancellationToken.None).ConfigureAwait(false));
        }

        // Our claim was taken over (we were too slow) or the key is already recorded: look at what the slot holds.
        var current = await ledger.GetAsync(claim.Id, CancellationToken.None).ConfigureAwait(false);
        var recordedRow = await ledger.FindByKeyAsync(license.LicenseKey, CancellationToken.None).ConfigureAwait(false);
        if (recordedRow is null)
        {
            LogUnrecordedExtra(logger, request.SlotKey, license.LicenseKey);
        }

        if (current is { State: LicenseState.Active })
        {
            return new IssueOutcome(IssueOutcomeKind.AlreadyActive, current);
        }

        if (current is { State: LicenseState.Pending } && current.ClaimId == claimId)
        {
            // Our key went to another claim (recovery adopted it: same-product licences are
            // interchangeable); the licence that claim was waiting for, if any, is ours to adopt.
            var recovered = await recovery.RecoverAsync(current, claimId, request.Token, CancellationToken.None).ConfigureAwait(false);
            if (recovered.Kind == ClaimRecoveryKind.Adopted)
            {
                return new IssueOutcome(IssueOutcomeKind.Recovered, recovered.Record);
            }
        }

        return new IssueOutcome(IssueOutcomeKind.Unknown, current, Sentences.MayHaveBeenIssued(null));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over the stale claim on row {RowId} of {Slot}; recovering it before issuing")]
    private static partial void LogTakeOver(ILogger logger, string slot, long rowId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The issue for {Slot} was not confirmed (request id {RequestId}); the claim stays pending for recovery")]
    private static partial void LogUnconfirmedIssue(ILogger logger, string slot, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The licence {LicenseKey} issued for {Slot} could not be recorded because the claim was taken over; reconcile will report it")]
    private static partial void LogUnrecordedExtra(ILogger logger, string slot, string licenseKey);
}
