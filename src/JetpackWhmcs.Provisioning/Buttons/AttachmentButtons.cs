using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Provisioning.Lifecycle;

namespace JetpackWhmcs.Provisioning.Buttons;

/// <summary>The Attach License and Detach License admin buttons.</summary>
internal sealed class AttachmentButtons(EngineServices services)
{
    /// <summary>Attach to the service's domain (keeping the customer's scheme, else https).</summary>
    public async Task<ModuleResult> AttachAsync(Invocation invocation, CancellationToken ct)
    {
        var required = await services.Current.RequireActiveAsync(invocation, ct).ConfigureAwait(false);
        if (required.Stopped)
        {
            return required.Stop;
        }

        var row = required.Row;

        if (invocation.Parameters.Domain.Length == 0)
        {
            return ModuleResult.Error(Sentences.NoDomain);
        }

        var site = SiteAddress.ForApi(invocation.Parameters.Domain);
        if (site is null)
        {
            return ModuleResult.Error($"The domain '{invocation.Parameters.Domain}' is not a site address; correct the service's Domain field and try again.");
        }

        var result = await services.Operations.AttachAsync(invocation.Token, row, site, ct).ConfigureAwait(false);
        await services.RecordLastErrorAsync(row, result).ConfigureAwait(false);
        return Results.From(result);
    }

    /// <summary>Detach from its site (e.g. to move it from staging to production).</summary>
    public async Task<ModuleResult> DetachAsync(Invocation invocation, CancellationToken ct)
    {
        var required = await services.Current.RequireActiveAsync(invocation, ct).ConfigureAwait(false);
        if (required.Stopped)
        {
            return required.Stop;
        }

        var row = required.Row;

        var result = await services.Operations.DetachAsync(invocation.Token, row, invocation.Settings.DetachEmailsSiteOwner, ct).ConfigureAwait(false);
        await services.RecordLastErrorAsync(row, result).ConfigureAwait(false);
        return Results.From(result);
    }
}
