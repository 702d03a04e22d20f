using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Audit;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// The per-service limit on a client's site changes, counted from the audit. Each client action that
/// changes the site sends exactly one attach call (Change site detaches first, then attaches), so the
/// client's attach calls for this licence slot in the last 24 hours are its tries. A try counts as a
/// change when any of its attempts may have reached Jetpack's records (ok, unknown, or sent by a process
/// that died); a try Jetpack refused (a site not connected yet, a typo) changed nothing and does not use
/// up a change, so a customer who follows the steps is not locked out by the first refusals. Refused
/// tries are bounded too (<see cref="TriesPerChange"/> per allowed change), since each one is still a
/// call on the partner's token. No table of its own: the audit is durable and written before a call leaves.
/// </summary>
internal sealed class ClientChangeLimit(EngineServices services)
{
    /// <summary>How many tries (refused ones included) a client gets per allowed change.</summary>
    public const int TriesPerChange = 4;

    // The audit keeps every attempt; far more than a day of a client's changes fit in this window.
    private const int AuditWindow = 500;

    // AuditActor.Client(id) writes "client <id>".
    private const string ClientActorPrefix = "client ";

    private static readonly TimeSpan Period = TimeSpan.FromHours(24);

    /// <summary>Null when one more change is allowed, else the sentence saying why not.</summary>
    public async Task<ClientMessage?> CheckAsync(string slotKey, ClientAreaSettings settings, CancellationToken ct)
    {
        if (settings.ChangesPerDay <= 0)
        {
            return ClientMessages.ChangesOff;
        }

        var since = services.Now - Period;
        var audit = await services.Ledger.ListAuditAsync(owner: slotKey, limit: AuditWindow, cancellationToken: ct).ConfigureAwait(false);
        var tries = ClientTries(audit.Where(a => a.At >= since));
        if (tries.Count(changed => changed) >= settings.ChangesPerDay)
        {
            return ClientMessages.RateLimited(settings.ChangesPerDay);
        }

        var allowedTries = settings.ChangesPerDay * TriesPerChange;
        return tries.Count >= allowedTries ? ClientMessages.TooManyTries(allowedTries) : null;
    }

    /// <summary>The client's attach calls, oldest first, each with whether it may have changed the site.</summary>
    private static List<bool> ClientTries(IEnumerable<AuditEntry> entries)
    {
        var tries = new List<bool>();
        foreach (var entry in entries.Where(IsClientAttach).OrderBy(a => a.Id))
        {
            // Attempt 1 (or none recorded) starts a call; its retries follow it in the audit.
            if ((entry.Attempt ?? 1) == 1 || tries.Count == 0)
            {
                tries.Add(false);
            }

            if (entry.Outcome is AuditOutcomes.Ok or AuditOutcomes.Unknown or AuditOutcomes.Sent)
            {
                tries[^1] = true;
            }
        }

        return tries;
    }

    private static bool IsClientAttach(AuditEntry entry) =>
        entry.Operation == "attach"
        && entry.Outcome != AuditOutcomes.NotSent
        && entry.Actor is { } actor && actor.StartsWith(ClientActorPrefix, StringComparison.Ordinal);
}
