using JetpackWhmcs.Ledger;
using JetpackWhmcs.Whmcs.ClientArea;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// What a client action checks before it changes anything: WHMCS passed the logged-in client's service,
/// and that is a claim to verify, so the service (and, for an addon, the addon on it) must belong to
/// <c>userid</c> in WHMCS's own tables, and the licence must be the one of that service or addon. Without
/// WHMCS's tables (the embedded ledger) nothing can be verified, so nothing is done.
/// </summary>
internal sealed class ClientVerification(EngineServices services)
{
    public async Task<Verified> VerifyAsync(Invocation invocation, CancellationToken ct)
    {
        var p = invocation.Parameters;
        if (!invocation.HasOwner || p.ServiceId is not > 0 || p.UserId <= 0)
        {
            return Verified.Refused(ClientMessages.BadRequest);
        }

        var service = await services.Whmcs.ReadServiceAsync(p.ServiceId.Value, ct).ConfigureAwait(false);
        if (!service.IsAvailable)
        {
            return Verified.Refused(ClientMessages.Unavailable);
        }

        if (service.Value is not { } owned || owned.UserId != p.UserId)
        {
            return Verified.Refused(ClientMessages.NotYours);
        }

        if (p.AddonId is > 0)
        {
            var addon = await services.Whmcs.ReadServiceAddonAsync(p.AddonId.Value, ct).ConfigureAwait(false);
            if (addon.Value is not { } onService || onService.ServiceId != owned.ServiceId)
            {
                return Verified.Refused(ClientMessages.NotYours);
            }
        }

        var required = await services.Current.RequireActiveAsync(invocation, ct).ConfigureAwait(false);
        if (required.Stopped)
        {
            return Verified.Refused(required.Stop.Outcome switch
            {
                ModuleOutcome.InProgress => ClientMessages.InProgress,
                // The product's module settings are wrong (token): only the host can fix that.
                ModuleOutcome.InvalidInput => ClientMessages.Unavailable,
                _ => ClientMessages.NoLicense,
            });
        }

        // The slot is the service's or addon's own; a row recorded for another service never is (defence in depth).
        var row = required.Row;
        if (row.ServiceId is { } recorded && recorded != owned.ServiceId)
        {
            return Verified.Refused(ClientMessages.NotYours);
        }

        // A suspended service keeps its licence off the site (or on it) as the host's policy says: not the customer's to change.
        if (!string.Equals(owned.Status, "Active", StringComparison.OrdinalIgnoreCase) || row.SuspendedSite is not null)
        {
            return Verified.Refused(ClientMessages.NotActive);
        }

        return new Verified(null, row, owned);
    }

    /// <summary>The verified licence and service, or the refusal to show.</summary>
    internal sealed record Verified(ClientMessage? Refusal, LicenseRecord? Row, ClientService? Service)
    {
        public static Verified Refused(ClientMessage message) => new(message, null, null);
    }
}
