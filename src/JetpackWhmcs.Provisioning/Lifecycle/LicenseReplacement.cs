using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Issuance;

namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>
/// ChangePackage and the Reissue button: issue the successor exactly once (into the owner's successor
/// slot), move the site attachment to it, revoke the old licence, then swap the rows in one
/// transaction. Every step is safe to repeat, so a retry after a failure or lost answer finishes the job.
/// </summary>
internal sealed class LicenseReplacement(EngineServices services)
{
    /// <summary>ChangePackage: a different product setting replaces the licence; the same product is a no-op.</summary>
    public async Task<ModuleResult> ChangePackageAsync(Invocation invocation, CancellationToken ct)
    {
        var required = await services.Current.RequireActiveAsync(invocation, ct, needsProduct: true).ConfigureAwait(false);
        if (required.Stopped)
        {
            return required.Stop;
        }

        var row = required.Row;

        var successor = await services.Ledger.FindBySlotAsync(invocation.Owner.SuccessorSlotKey, ct).ConfigureAwait(false);
        if (successor is null && string.Equals(IssuedLicenses.ProductOf(row), invocation.Settings.ProductSlug, StringComparison.OrdinalIgnoreCase))
        {
            return ModuleResult.Success();
        }

        return await ReplaceAsync(invocation, row, invocation.Settings.ProductSlug, ct).ConfigureAwait(false);
    }

    /// <summary>Reissue: a new key of the same product (for a leaked key); the old one is revoked.</summary>
    public async Task<ModuleResult> ReissueAsync(Invocation invocation, CancellationToken ct)
    {
        var required = await services.Current.RequireActiveAsync(invocation, ct).ConfigureAwait(false);
        if (required.Stopped)
        {
            return required.Stop;
        }

        var row = required.Row;

        var slug = IssuedLicenses.ProductOf(row) ?? invocation.Settings.ProductSlug;
        return await ReplaceAsync(invocation, row, slug, ct).ConfigureAwait(false);
    }

    private async Task<ModuleResult> ReplaceAsync(Invocation invocation, LicenseRecord current, string productSlug, CancellationToken ct)
    {
        var owner = invocation.Owner;
        var p = invocation.Parameters;
        var issued = await services.Issuer.EnsureIssuedAsync(
            new IssueRequest(owner, owner.SuccessorSlotKey, p.OrderId, p.ProductId, p.ParentServiceId, productSlug, invocation.Token, invocation.Fingerprint),
            ct).ConfigureAwait(false);
        if (!issued.HasLicense || issued.Record is null)
        {
            return Results.From(issued);
        }

        var successor = issued.Record;
        if (current.AttachedSite is { } site && successor.AttachedSite is null)
        {
            // Detach first: a site holds one licence of a product. No e-mail: the site keeps Jetpack.
            var detached = await services.Operations.DetachAsync(invocation.Token, current, emailSiteOwner: false, ct).ConfigureAwait(false);
            if (!detached.Ok)
            {
                return Results.From(detached);
            }

            var attached = await services.Operations.AttachAsync(invocation.Token, successor, site, ct).ConfigureAwait(false);
            if (!attached.Ok)
            {
                return Results.From(attached);
            }
        }

        var revoked = await services.Operations.RevokeOnApiAsync(invocation.Token, current, ct).ConfigureAwait(false);
        if (!revoked.Ok)
        {
            return Results.From(revoked);
        }

        await services.Ledger.PromoteSuccessorAsync(current.Id, revoked.At ?? services.Now, successor.Id, services.Now, CancellationToken.None).ConfigureAwait(false);
        if (current.SuspendedSite is not null)
        {
            await services.Ledger.SetSuspendedSiteAsync(successor.Id, current.SuspendedSite, services.Now, CancellationToken.None).ConfigureAwait(false);
        }

        return ModuleResult.Success();
    }
}
