using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Lifecycle;
using JetpackWhmcs.Whmcs.ClientArea;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// The customer's own actions in the client area: Activate on my site, Change site and Refresh status.
/// Each verifies the service and licence first (<see cref="ClientVerification"/>), records "client N" as
/// the actor of every API call it makes, and changes the site through the same convergent operations as
/// the admin buttons (a lost answer is read back, a retry never fails on "already attached"). Bad input
/// and refusals change nothing and call nothing.
/// </summary>
internal sealed class ClientActions(EngineServices services)
{
    private readonly ClientVerification verification = new(services);
    private readonly ClientChangeLimit limit = new(services);

    /// <summary>The buttons WHMCS shows on the product details page (labels translated by the bridge).</summary>
    public static ModuleResult Buttons() => ModuleResult.Array(new()
    {
        ["Activate on my site"] = "ClientActivate",
        ["Refresh status"] = "ClientRefreshStatus",
    });

    /// <summary>The functions the guide's forms may call.</summary>
    public static ModuleResult AllowedFunctions() => ModuleResult.Array(new()
    {
        ["activate"] = "ClientActivate",
        ["change_site"] = "ClientChangeSite",
        ["refresh"] = "ClientRefreshStatus",
    });

    /// <summary>Attach the licence to the site the customer picked or typed (the service's own domain when none).</summary>
    public Task<ModuleResult> ActivateAsync(Invocation invocation, CancellationToken ct) =>
        AsClientAsync(invocation, async () =>
        {
            var verified = await verification.VerifyAsync(invocation, ct).ConfigureAwait(false);
            if (verified.Refusal is { } refused)
            {
                return refused.ToResult();
            }

            var (site, invalid) = await ChooseSiteAsync(invocation, DomainOf(invocation, verified.Service!), ct).ConfigureAwait(false);
            if (invalid is not null)
            {
                return invalid.ToResult();
            }

            var row = verified.Row!;
            if (row.AttachedSite is { } current)
            {
                return SiteAddress.SameSite(current, site!) ? ClientMessage.Success.ToResult() : ClientMessages.AlreadyAttached(current).ToResult();
            }

            if (await limit.CheckAsync(row.ActiveOwner ?? invocation.Owner.SlotKey, await SettingsAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false) is { } limited)
            {
                return limited.ToResult();
            }

            return await AttachAsync(invocation, row, site!, ct).ConfigureAwait(false);
        });

    /// <summary>Move the licence to another site: detach without the cancellation e-mail, then attach.</summary>
    public Task<ModuleResult> ChangeSiteAsync(Invocation invocation, CancellationToken ct) =>
        AsClientAsync(invocation, async () =>
        {
            var verified = await verification.VerifyAsync(invocation, ct).ConfigureAwait(false);
            if (verified.Refusal is { } refused)
            {
                return refused.ToResult();
            }

            if (invocation.Parameters.RequestedSite.Length == 0)
            {
                return ClientMessages.SiteMissing.ToResult();
            }

            var (site, invalid) = await ChooseSiteAsync(invocation, DomainOf(invocation, verified.Service!), ct).ConfigureAwait(false);
            if (invalid is not null)
            {
                return invalid.ToResult();
            }

            var row = verified.Row!;
            if (row.AttachedSite is { } current && SiteAddress.SameSite(current, site!))
            {
                return ClientMessage.Success.ToResult();
            }

            if (await limit.CheckAsync(row.ActiveOwner ?? invocation.Owner.SlotKey, await SettingsAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false) is { } limited)
            {
                return limited.ToResult();
            }

            if (row.AttachedSite is not null)
            {
                // Moving from staging to production is not a cancellation: the site owner gets no e-mail.
                var detached = await services.Operations.DetachAsync(invocation.Token, row, emailSiteOwner: false, ct).ConfigureAwait(false);
                if (!detached.Ok)
                {
                    await services.RecordLastErrorAsync(row, detached).ConfigureAwait(false);
                    return ClientMessages.Failed(detached.RequestId).ToResult(detached.RequestId);
                }

                row = row with { AttachedSite = null, AttachedAt = null };
                var moved = await AttachAsync(invocation, row, site!, ct).ConfigureAwait(false);
                return moved.Outcome == ModuleOutcome.Success || IsNotConnected(moved)
                    ? moved
                    : ClientMessages.MovedHalfway(site!, moved.RequestId).ToResult(moved.RequestId);
            }

            return await AttachAsync(invocation, row, site!, ct).ConfigureAwait(false);
        });

    /// <summary>Read the licence's state from Jetpack (picks up an attachment made on the site itself).</summary>
    public Task<ModuleResult> RefreshAsync(Invocation invocation, CancellationToken ct) =>
        AsClientAsync(invocation, async () =>
        {
            var verified = await verification.VerifyAsync(invocation, ct).ConfigureAwait(false);
            if (verified.Refusal is { } refused)
            {
                return refused.ToResult();
            }

            var (_, result) = await services.Operations.RefreshAsync(invocation.Token, verified.Row!, ct).ConfigureAwait(false);
            return result.Ok ? ClientMessage.Success.ToResult() : ClientMessages.Failed(result.RequestId).ToResult(result.RequestId);
        });

    /// <summary>The sites the customer may pick: the domains of their active services in WHMCS, this service's first.</summary>
    public async Task<IReadOnlyList<string>> OwnDomainsAsync(long userId, string serviceDomain, CancellationToken ct)
    {
        var domains = new List<string>();
        if (serviceDomain.Trim().Length > 0)
        {
            domains.Add(serviceDomain.Trim().TrimEnd('/'));
        }

        if (userId > 0)
        {
            var active = await services.Whmcs.ReadActiveDomainsAsync(userId, ct).ConfigureAwait(false);
            domains.AddRange(active.Value.Select(d => d.TrimEnd('/')));
        }

        return [.. domains.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<ModuleResult> AttachAsync(Invocation invocation, LicenseRecord row, string site, CancellationToken ct)
    {
        var attached = await services.Operations.AttachAsync(invocation.Token, row, site, ct).ConfigureAwait(false);
        await services.RecordLastErrorAsync(row, attached).ConfigureAwait(false);
        if (attached.Ok)
        {
            return ClientMessage.Success.ToResult(attached.RequestId);
        }

        return attached.ErrorCode == SiteNotConnected
            ? ClientMessages.NotConnected(site, ClientSite.ActivationUrl(site)).ToResult(attached.RequestId)
            : ClientMessages.Failed(attached.RequestId).ToResult(attached.RequestId);
    }

    /// <summary>The customer's site: the one they picked or typed, else the service's domain (for an addon, the parent's).</summary>
    private async Task<(string? Site, ClientMessage? Invalid)> ChooseSiteAsync(Invocation invocation, string serviceDomain, CancellationToken ct)
    {
        var requested = invocation.Parameters.RequestedSite;
        var own = await OwnDomainsAsync(invocation.Parameters.UserId, serviceDomain, ct).ConfigureAwait(false);
        if (requested.Length == 0)
        {
            var fallback = own.Count > 0 ? SiteAddress.ForApi(own[0]) : null;
            return fallback is null ? (null, ClientMessages.SiteMissing) : (fallback, null);
        }

        var site = ClientSite.Resolve(requested, own);
        return site is null ? (null, ClientMessages.SiteInvalid(requested)) : (site, null);
    }

    // A service's domain as WHMCS passed it (with the scheme the customer gave); an addon's is its parent's.
    private static string DomainOf(Invocation invocation, ClientService service) =>
        invocation.Parameters.AddonId is not > 0 && invocation.Parameters.Domain.Length > 0 ? invocation.Parameters.Domain : service.Domain;

    private Task<ClientAreaSettings> SettingsAsync(CancellationToken ct) => ClientAreaSettings.ReadAsync(services.Whmcs, ct);

    private static bool IsNotConnected(ModuleResult result) =>
        result.Value is System.Text.Json.Nodes.JsonObject body && body["key"]?.GetValue<string>() == "not_connected";

    /// <summary>Every API call of a client action is audited as the client's, whatever the bridge sent.</summary>
    private static async Task<ModuleResult> AsClientAsync(Invocation invocation, Func<Task<ModuleResult>> action)
    {
        if (invocation.Parameters.UserId <= 0)
        {
            return ClientMessages.BadRequest.ToResult();
        }

        using (AuditActor.Use(AuditActor.Client(invocation.Parameters.UserId)))
        {
            return await action().ConfigureAwait(false);
        }
    }

    /// <summary>The API's answer for a site where Jetpack is not connected (see the sandbox's rule).</summary>
    public const string SiteNotConnected = "site_not_connected";
}
