using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Service.Tokens;
using JetpackWhmcs.Whmcs;
using JetpackWhmcs.Whmcs.Clients;

namespace JetpackWhmcs.Service.Admin.Pages.License;

/// <summary>Reads one ledger row, its WHMCS service, its live state from the Jetpack API and its audit trail.</summary>
public sealed class LicenseDetailLoader(ILicenseLedger ledger, IWhmcsDatabase whmcs, IJetpackLicensingClient api, TokenRegistry tokens)
{
    /// <summary>The most audit rows shown.</summary>
    public const int AuditLimit = 200;

    /// <summary>The detail of row <paramref name="id"/>, or null when the ledger has no such row.</summary>
    /// <param name="id">The ledger row id.</param>
    /// <param name="settingsToken">The addon module's token, used when its fingerprint is the licence's.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<LicenseDetail?> LoadAsync(long id, string? settingsToken, CancellationToken cancellationToken = default)
    {
        if (await ledger.GetAsync(id, cancellationToken) is not { } row)
        {
            return null;
        }

        var owner = row.AddonId is { } addon ? LicenseOwner.Addon(addon) : row.ServiceId is { } service ? LicenseOwner.Service(service) : null;
        ServiceOwner? whmcsService = null;
        if (row.ServiceId is { } serviceId)
        {
            (await whmcs.ReadServiceOwnersAsync([serviceId], cancellationToken)).Value.TryGetValue(serviceId, out whmcsService);
        }

        var (live, problem) = await ReadApiAsync(row, settingsToken, cancellationToken);
        var audit = await ledger.ListAuditAsync(owner?.SlotKey, owner is null ? row.LicenseKey : null, AuditLimit, cancellationToken);
        var current = owner is not null && row.ActiveOwner != owner.SlotKey ? await ledger.FindBySlotAsync(owner.SlotKey, cancellationToken) : null;
        return new LicenseDetail(row, owner, whmcsService, live, problem, audit, current);
    }

    private async Task<(Licensing.Models.License? Live, string? Problem)> ReadApiAsync(LicenseRecord row, string? settingsToken, CancellationToken cancellationToken)
    {
        if (row.State == LicenseState.Pending)
        {
            return (null, "The licence is still being issued (a pending claim), so the API has no key to ask about yet; recovery completes it in the background.");
        }

        var token = tokens.FindByFingerprint(row.TokenFingerprint, TokenFingerprint.Of)
            ?? (settingsToken is not null && (row.TokenFingerprint is null || TokenFingerprint.Of(settingsToken) == row.TokenFingerprint) ? settingsToken : null);
        if (token is null)
        {
            return (null, $"The API was not asked: no partner token with fingerprint {row.TokenFingerprint ?? "(none recorded)"} is known; save it as the addon module's API token or configure Tokens.");
        }

        try
        {
            var page = await api.ListLicensesAsync(token, LicenseWithSite.Query(row.LicenseKey), cancellationToken);
            return (LicenseWithSite.Find(page, row.LicenseKey) ?? await api.GetLicenseAsync(token, row.LicenseKey, cancellationToken), null);
        }
        catch (JetpackApiException e)
        {
            return (null, $"The Jetpack API did not report this licence's state ({(e.ApiMessage ?? e.Message).TrimEnd('.')}): reload the page to try again (Jetpack request id {e.RequestId ?? "none"}).");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException)
        {
            return (null, $"The Jetpack API could not be reached ({e.Message.TrimEnd('.')}): check the service's network and ApiUrl, then reload the page.");
        }
    }
}
