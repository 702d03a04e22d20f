using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.Audit;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.Recovery;

/// <summary>
/// Resolves every stale pending claim (a lost answer, a crashed process): takes each over (compare-and-
/// swap, so several instances can run it), lists each token's recent licences once, adopts unrecorded
/// licences of the same product into the claims, releases the claims nothing was issued for, and
/// reports the extras. Meant for the service's background job and the CLI.
/// </summary>
public sealed partial class RecoveryService
{
    private readonly ILicenseLedger ledger;
    private readonly TimeProvider time;
    private readonly ModuleEngineOptions options;
    private readonly ILogger<RecoveryService> logger;
    private readonly UnrecordedLicenseFinder finder;
    private readonly ClaimRecovery recovery;

    /// <summary>Creates the service.</summary>
    public RecoveryService(IJetpackLicensingClient client, ILicenseLedger ledger, TimeProvider time, ILogger<RecoveryService> logger, ModuleEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        this.options = options ?? new ModuleEngineOptions();
        var api = new AuditedApi(client, ledger, time, logger);
        finder = new UnrecordedLicenseFinder(api, ledger, this.options);
        recovery = new ClaimRecovery(finder, ledger, time, this.options);
    }

    /// <summary>Recovers every pending claim older than <see cref="ModuleEngineOptions.ClaimStaleAfter"/>.</summary>
    /// <param name="tokenResolver">The token for a row (see <see cref="TokenResolvers"/>), or null when unknown.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public async Task<RecoveryReport> RecoverPendingAsync(Func<LicenseRecord, string?> tokenResolver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenResolver);
        var now = time.GetUtcNow().UtcDateTime;
        var stale = await ledger.ListPendingAsync(now - options.ClaimStaleAfter, cancellationToken).ConfigureAwait(false);
        var adopted = new List<LicenseRecord>();
        var released = new List<LicenseRecord>();
        var undecided = new List<LicenseRecord>();
        var noToken = new List<LicenseRecord>();
        var extras = new List<UnrecordedLicense>();

        foreach (var group in stale.GroupBy(r => r.TokenFingerprint ?? ""))
        {
            var token = tokenResolver(group.First());
            if (string.IsNullOrEmpty(token))
            {
                noToken.AddRange(group);
                continue;
            }

            var held = new List<(LicenseRecord Row, string ClaimId)>();
            foreach (var row in group)
            {
                var claimId = Guid.NewGuid().ToString("N");
                if (await ledger.TryTakeOverClaimAsync(row.Id, row.ClaimId ?? "", claimId, now, cancellationToken).ConfigureAwait(false))
                {
                    held.Add((row, claimId));
                }
            }

            if (held.Count == 0)
            {
                continue;
            }

            IReadOnlyList<UnrecordedLicense> unrecorded;
            try
            {
                var since = held.Min(h => recovery.WindowStart(h.Row));
                unrecorded = await finder.FindAsync(token, since, null, cancellationToken).ConfigureAwait(false);
            }
            catch (JetpackApiException exception)
            {
                LogListFailed(logger, held.Count, exception.RequestId);
                undecided.AddRange(held.Select(h => h.Row));
                continue;
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            var results = await recovery.MatchAsync(held, unrecorded, cancellationToken, used).ConfigureAwait(false);
            for (var i = 0; i < held.Count; i++)
            {
                switch (results[i].Kind)
                {
                    case ClaimRecoveryKind.Adopted:
                        adopted.Add(results[i].Record ?? held[i].Row);
                        break;
                    case ClaimRecoveryKind.NoneFound:
                        await ledger.ReleaseClaimAsync(held[i].Row.Id, held[i].ClaimId, CancellationToken.None).ConfigureAwait(false);
                        released.Add(held[i].Row);
                        break;
                }
            }

            extras.AddRange(unrecorded.Where(l => !used.Contains(l.LicenseKey)));
        }

        if (extras.Count > 0)
        {
            LogExtras(logger, extras.Count);
        }

        return new RecoveryReport { Adopted = adopted, Released = released, Undecided = undecided, NoToken = noToken, Extras = extras };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery could not list licences for {Count} stale claims (request id {RequestId}); they stay pending")]
    private static partial void LogListFailed(ILogger logger, int count, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery found {Count} unrecorded licences no claim matched; run reconcile to review them")]
    private static partial void LogExtras(ILogger logger, int count);
}
