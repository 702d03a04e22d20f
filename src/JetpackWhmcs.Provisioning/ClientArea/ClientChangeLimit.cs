using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// The per-service limit on a client's site changes. A change is counted from the audit: each client
/// action that changes the site sends exactly one attach (Change site detaches first, then attaches), so
/// the first attempts of attach calls made by a client for this licence slot in the last 24 hours are the
/// changes made, whether Jetpack accepted them or not. No table of its own: the audit is already durable
/// and written before the call leaves.
/// </summary>
internal sealed class ClientChangeLimit(EngineServices services)
{
    // The audit keeps every attempt; far more than a day of a client's changes fit in this window.
    private const int AuditWindow = 500;

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
        var made = audit.Count(a => a.At >= since && IsClientChange(a));
        return made >= settings.ChangesPerDay ? ClientMessages.RateLimited(settings.ChangesPerDay) : null;
    }

    private static bool IsClientChange(AuditEntry entry) =>
        entry.Operation == "attach"
        && (entry.Attempt ?? 1) == 1
        && entry.Outcome != "not_sent"
        && entry.Actor is { } actor && actor.StartsWith(ClientActorPrefix, StringComparison.Ordinal);

    // AuditActor.Client(id) writes "client <id>".
    private const string ClientActorPrefix = "client ";
}
