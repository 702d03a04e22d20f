using JetpackWhmcs.Provisioning.Parameters;

namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>
/// SuspendAccount / UnsuspendAccount. Policy "keep" (default) leaves the licence alone; "detach"
/// remembers the site, detaches, and attaches it again on unsuspend. The site is remembered before the
/// detach, so a crash in between still re-attaches on unsuspend.
/// </summary>
internal sealed class Suspension(EngineServices services)
{
    public async Task<ModuleResult> SuspendAsync(Invocation invocation, CancellationToken ct)
    {
        if (Guards.Check(invocation) is { } invalid)
        {
            return invalid;
        }

        if (invocation.Settings.SuspensionPolicy == SuspensionPolicy.Keep)
        {
            return ModuleResult.Success();
        }

        var required = await services.Current.RequireActiveAsync(invocation, ct).ConfigureAwait(false);
        if (required.Stopped)
        {
            return required.Stop;
        }

        var row = required.Row;
        if (row.AttachedSite is null)
        {
            return ModuleResult.Success();
        }

        await services.Ledger.SetSuspendedSiteAsync(row.Id, row.AttachedSite, services.Now, ct).ConfigureAwait(false);
        return Results.From(await services.Operations.DetachAsync(invocation.Token, row, invocation.Settings.DetachEmailsSiteOwner, ct).ConfigureAwait(false));
    }

    public async Task<ModuleResult> UnsuspendAsync(Invocation invocation, CancellationToken ct)
    {
        if (Guards.Check(invocation) is { } invalid)
        {
            return invalid;
        }

        var (row, stop) = await services.Current.FindActiveAsync(invocation, ct).ConfigureAwait(false);
        if (stop is not null)
        {
            return stop;
        }

        if (row is null)
        {
            return invocation.Settings.SuspensionPolicy == SuspensionPolicy.Keep ? ModuleResult.Success() : CreateAccount.NoLicense();
        }

        if (row.SuspendedSite is null)
        {
            return ModuleResult.Success();
        }

        var attached = await services.Operations.AttachAsync(invocation.Token, row, row.SuspendedSite, ct).ConfigureAwait(false);
        if (!attached.Ok)
        {
            return Results.From(attached);
        }

        await services.Ledger.SetSuspendedSiteAsync(row.Id, null, services.Now, CancellationToken.None).ConfigureAwait(false);
        return ModuleResult.Success();
    }
}
