using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.ExactlyOnce;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.Recovery;

/// <summary>
/// Resolves every pending claim that may be taken over (older than the grace, or held by an instance
/// known to be gone), through the steps of <see cref="ClaimProtocol"/>: takes each over
/// (compare-and-swap, so several instances can run it), lists each token's recent licences once,
/// adopts unrecorded licences of the same product into the claims, releases the claims nothing was
/// issued for, and keeps the leftovers as unassigned licences. One token's failure never stops the
/// round for the others. Meant for the service's background job and the CLI.
/// </summary>
public sealed partial class RecoveryService
{
    private readonly ILicenseLedger ledger;
    private readonly ClaimProtocol protocol;
    private readonly ILogger logger;

    /// <summary>Creates the service with parts of its own (tests, CLI); the service host builds it once through DI.</summary>
    public RecoveryService(IJetpackLicensingClient client, ILicenseLedger ledger, TimeProvider time, ILogger<RecoveryService> logger, ModuleEngineOptions? options = null)
        : this(ProvisioningParts.Create(client, ledger, time, logger, options, null, null))
    {
    }

    internal RecoveryService(ProvisioningParts parts)
    {
        ledger = parts.Ledger;
        protocol = parts.Protocol;
        logger = parts.Logger;
    }

    /// <summary>Recovers every pending claim that may be taken over.</summary>
    /// <param name="tokenResolver">The token for a row (see <see cref="TokenResolvers"/>), or null when unknown.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public async Task<RecoveryReport> RecoverPendingAsync(Func<LicenseRecord, string?> tokenResolver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenResolver);
        var pending = await ledger.ListPendingAsync(protocol.Now.AddSeconds(1), cancellationToken).ConfigureAwait(false);
        var report = new RecoveryCollector();
        foreach (var group in pending.GroupBy(r => r.TokenFingerprint ?? ""))
        {
            var token = tokenResolver(group.First());
            if (string.IsNullOrEmpty(token) || PartnerTokenFormat.Problem(token) is not null)
            {
                report.NoToken.AddRange(group);
                continue;
            }

            try
            {
                await RecoverGroupAsync(token, group.Key.Length == 0 ? null : group.Key, group.ToList(), report, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One token's trouble (its database rows, its API answers) must not hold back the others.
                LogGroupFailed(logger, group.Count(), exception.GetType().Name);
                report.Undecided.AddRange(group);
            }
        }

        if (report.Extras.Count > 0)
        {
            LogExtras(logger, report.Extras.Count, report.Kept.Count);
        }

        return report.ToReport();
    }

    private async Task RecoverGroupAsync(string token, string? fingerprint, List<LicenseRecord> rows, RecoveryCollector report, CancellationToken ct)
    {
        var held = new List<HeldClaim>();
        foreach (var row in rows)
        {
            if (await protocol.TakeOverAsync(row, ct).ConfigureAwait(false) is { } taken)
            {
                held.Add(taken);
            }
        }

        if (held.Count == 0)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var (results, unrecorded) = await protocol.RecoverAsync(token, held, null, used, ct).ConfigureAwait(false);
        for (var i = 0; i < held.Count; i++)
        {
            switch (results[i].Kind)
            {
                case ClaimRecoveryKind.Adopted:
                    report.Adopted.Add(results[i].Record ?? held[i].Row);
                    break;
                case ClaimRecoveryKind.NoneFound:
                    await protocol.ReleaseAsync(held[i]).ConfigureAwait(false);
                    report.Released.Add(held[i].Row);
                    break;
                case ClaimRecoveryKind.Undecided:
                    LogListFailed(logger, held.Count, results[i].RequestId);
                    await protocol.YieldAsync(held[i]).ConfigureAwait(false);
                    report.Undecided.Add(held[i].Row);
                    break;
            }
        }

        var leftovers = unrecorded.Where(l => !used.Contains(l.LicenseKey)).ToList();
        report.Extras.AddRange(leftovers);
        report.Kept.AddRange(await protocol.KeepLeftoversAsync(leftovers, fingerprint, ct).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery could not list licences for {Count} claims (request id {RequestId}); they stay pending")]
    private static partial void LogListFailed(ILogger logger, int count, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery of {Count} claims of one token failed ({ExceptionType}); they stay pending and the other tokens go on")]
    private static partial void LogGroupFailed(ILogger logger, int count, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery found {Count} unrecorded licences no claim matched; {Kept} of them are now kept as unassigned licences")]
    private static partial void LogExtras(ILogger logger, int count, int kept);
}
