using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Provisioning.ExactlyOnce;
using JetpackWhmcs.Provisioning.Recovery;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.Issuance;

/// <summary>
/// Exactly-once issuance into one slot, through the steps of <see cref="ClaimProtocol"/>: claim (the
/// database keeps the slot unique), adopt a spare licence if one is kept, else call the API inside the
/// claim's lease, then record the key. A lost answer keeps the claim pending; it is resolved by
/// recovery, which adopts the licence the API issued before anything new is issued.
/// </summary>
internal sealed partial class LicenseIssuer(
    AuditedApi api,
    ClaimProtocol protocol,
    ILicenseLedger ledger,
    IProvisioningHooks hooks,
    ILogger logger)
{
    public async Task<IssueOutcome> EnsureIssuedAsync(IssueRequest request, CancellationToken ct)
    {
        // A few rounds: a claim that vanished between two reads (released, promoted) is looked at again.
        for (var round = 0; round < 3; round++)
        {
            var slot = await ledger.FindBySlotAsync(request.SlotKey, ct).ConfigureAwait(false);
            if (slot is null)
            {
                var (held, _) = await protocol.ClaimAsync(request, ct).ConfigureAwait(false);
                if (held is null)
                {
                    continue;
                }

                return await IssueUnderClaimAsync(request, held, ct).ConfigureAwait(false);
            }

            if (slot.State == LicenseState.Active)
            {
                return new IssueOutcome(IssueOutcomeKind.AlreadyActive, slot);
            }

            if (slot.State != LicenseState.Pending)
            {
                continue;
            }

            if (await protocol.TakeOverAsync(slot, ct).ConfigureAwait(false) is not { } taken)
            {
                return new IssueOutcome(IssueOutcomeKind.InProgress, slot, Sentences.InProgress);
            }

            var recovered = await protocol.RecoverOneAsync(request.Token, taken, ct).ConfigureAwait(false);
            switch (recovered.Kind)
            {
                case ClaimRecoveryKind.Adopted:
                    return new IssueOutcome(IssueOutcomeKind.Recovered, recovered.Record);
                case ClaimRecoveryKind.ClaimLost:
                    continue;
                case ClaimRecoveryKind.Undecided:
                    await protocol.YieldAsync(taken).ConfigureAwait(false);
                    return new IssueOutcome(IssueOutcomeKind.Unknown, slot, Sentences.MayHaveBeenIssued(recovered.RequestId), recovered.RequestId);
            }

            // Nothing was issued for the old claim: issue under ours (re-armed first, since the look took time).
            return await IssueUnderClaimAsync(request, taken, ct).ConfigureAwait(false);
        }

        return new IssueOutcome(IssueOutcomeKind.InProgress, null, Sentences.InProgress);
    }

    /// <summary>
    /// For functions other than Create that find a pending claim in the way: a live one is in progress;
    /// one that may be taken over is taken and recovered (adopting its licence), or released when none was issued.
    /// </summary>
    public async Task<IssueOutcome> SettlePendingAsync(LicenseRecord pending, string token, CancellationToken ct)
    {
        if (await protocol.TakeOverAsync(pending, ct).ConfigureAwait(false) is not { } taken)
        {
            return new IssueOutcome(IssueOutcomeKind.InProgress, pending, Sentences.InProgress);
        }

        var recovered = await protocol.RecoverOneAsync(token, taken, ct).ConfigureAwait(false);
        switch (recovered.Kind)
        {
            case ClaimRecoveryKind.Adopted:
                return new IssueOutcome(IssueOutcomeKind.Recovered, recovered.Record);
            case ClaimRecoveryKind.NoneFound:
                await protocol.ReleaseAsync(taken).ConfigureAwait(false);
                return new IssueOutcome(IssueOutcomeKind.Released);
            case ClaimRecoveryKind.ClaimLost:
                return new IssueOutcome(IssueOutcomeKind.InProgress, recovered.Record, Sentences.InProgress);
            default:
                await protocol.YieldAsync(taken).ConfigureAwait(false);
                return new IssueOutcome(IssueOutcomeKind.Unknown, pending, Sentences.MayHaveBeenIssued(recovered.RequestId), recovered.RequestId);
        }
    }

    private async Task<IssueOutcome> IssueUnderClaimAsync(IssueRequest request, HeldClaim held, CancellationToken ct)
    {
        // A licence kept from an earlier lost race is used before anything new is bought.
        if (await protocol.AdoptUnassignedAsync(held, ct).ConfigureAwait(false) is { } spare)
        {
            LogAdoptedSpare(logger, request.SlotKey, spare.Id);
            return new IssueOutcome(IssueOutcomeKind.Issued, spare);
        }

        // The paid call starts within the pre-call budget of the last check of the claim, and is cut at
        // the API call timeout after it: that bounds the lease by construction.
        if (await protocol.EnsureFreshAsync(held, ct).ConfigureAwait(false) is not { } armed)
        {
            return new IssueOutcome(IssueOutcomeKind.InProgress, held.Row, Sentences.InProgress);
        }

        License license;
        try
        {
            using var lease = protocol.LeaseFor(armed, ct);
            license = await api.IssueAsync(request.Token, request.ProductSlug, new AuditContext(request.SlotKey, armed.Row.Id), lease.Token).ConfigureAwait(false);
        }
        catch (JetpackApiException exception) when (!exception.MayHaveBeenCarriedOut)
        {
            // A definite refusal, or nothing was sent: no licence exists for this claim, so the slot is freed.
            await protocol.ReleaseAsync(armed).ConfigureAwait(false);
            var sentence = Sentences.ApiFailure("issue a licence", exception);
            return new IssueOutcome(IssueOutcomeKind.Refused, null, sentence, exception.RequestId);
        }
        catch (Exception exception) when (exception is JetpackApiException or OperationCanceledException)
        {
            // The licence may exist: the claim stays pending, and one recovery look happens right away,
            // under a re-armed claim so that the look itself stays inside a lease.
            var requestId = (exception as JetpackApiException)?.RequestId;
            LogUnconfirmedIssue(logger, request.SlotKey, requestId);
            if (await protocol.RearmAsync(armed, CancellationToken.None).ConfigureAwait(false) is { } rearmed)
            {
                var recovered = await protocol.RecoverOneAsync(request.Token, rearmed, CancellationToken.None).ConfigureAwait(false);
                if (recovered.Kind == ClaimRecoveryKind.Adopted)
                {
                    return new IssueOutcome(IssueOutcomeKind.Recovered, recovered.Record, RequestId: requestId);
                }
            }

            return new IssueOutcome(IssueOutcomeKind.Unknown, armed.Row, Sentences.MayHaveBeenIssued(requestId), requestId);
        }

        await hooks.AfterIssuedBeforeRecordedAsync(armed.Row, license, ct).ConfigureAwait(false);

        // The licence exists and is billed: it is recorded even if the caller has given up meanwhile.
        if (await protocol.RecordIssuedAsync(armed, license, request.ProductSlug, request.TokenFingerprint).ConfigureAwait(false))
        {
            return new IssueOutcome(IssueOutcomeKind.Issued, await ledger.GetAsync(armed.Row.Id, CancellationToken.None).ConfigureAwait(false));
        }

        // Our claim was taken over, or our key was recorded elsewhere: look at what the slot holds.
        var current = await ledger.GetAsync(armed.Row.Id, CancellationToken.None).ConfigureAwait(false);
        if (current is { State: LicenseState.Active })
        {
            return new IssueOutcome(IssueOutcomeKind.AlreadyActive, current);
        }

        if (current is { State: LicenseState.Pending } && current.ClaimId == armed.ClaimId)
        {
            // Our key went to another claim (same-product licences are interchangeable): take a kept
            // spare, or the licence that other claim was waiting for.
            var stillOurs = armed with { Row = current };
            if (await protocol.AdoptUnassignedAsync(stillOurs, CancellationToken.None).ConfigureAwait(false) is { } kept)
            {
                return new IssueOutcome(IssueOutcomeKind.Recovered, kept);
            }

            var recovered = await protocol.RecoverOneAsync(request.Token, stillOurs, CancellationToken.None).ConfigureAwait(false);
            if (recovered.Kind == ClaimRecoveryKind.Adopted)
            {
                return new IssueOutcome(IssueOutcomeKind.Recovered, recovered.Record);
            }
        }

        return new IssueOutcome(IssueOutcomeKind.InProgress, current, Sentences.InProgress);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The issue for {Slot} was not confirmed (request id {RequestId}); the claim stays pending for recovery")]
    private static partial void LogUnconfirmedIssue(ILogger logger, string slot, string? requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Slot} adopted the kept unassigned licence now on row {RowId} instead of issuing a new one")]
    private static partial void LogAdoptedSpare(ILogger logger, string slot, long rowId);
}
