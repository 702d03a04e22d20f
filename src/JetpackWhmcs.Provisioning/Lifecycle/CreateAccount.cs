using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.ClientArea;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Provisioning.Issuance;

namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>
/// CreateAccount: exactly one licence for the service or addon. A repeat answers success and changes
/// nothing; a row of the original module for the same (order, pid) and product is adopted instead of
/// issuing; otherwise the issuer claims, issues and records (and recovers lost answers).
/// </summary>
internal sealed class CreateAccount(EngineServices services)
{
    public async Task<ModuleResult> RunAsync(Invocation invocation, CancellationToken ct)
    {
        if (Guards.Check(invocation, needsProduct: true) is { } invalid)
        {
            return invalid;
        }

        var owner = invocation.Owner;
        var existing = await services.Ledger.FindBySlotAsync(owner.SlotKey, ct).ConfigureAwait(false);
        if (existing is { State: LicenseState.Active })
        {
            return ModuleResult.Success();
        }

        if (existing is null && await services.Current.AdoptLegacyAsync(invocation, ct).ConfigureAwait(false) is not null)
        {
            return ModuleResult.Success();
        }

        var p = invocation.Parameters;
        var outcome = await services.Issuer.EnsureIssuedAsync(
            new IssueRequest(owner, owner.SlotKey, p.OrderId, p.ProductId, p.ParentServiceId, invocation.Settings.ProductSlug, invocation.Token, invocation.Fingerprint),
            ct).ConfigureAwait(false);
        if (outcome.Kind != IssueOutcomeKind.Issued && outcome.Kind != IssueOutcomeKind.Recovered)
        {
            return Results.From(outcome);
        }

        if (!invocation.Settings.AttachOnCreate || outcome.Record is null)
        {
            return Results.From(outcome);
        }

        // A product addon belongs on the site of the hosting service it was added to.
        var domain = await SiteDomain.DefaultAsync(services, invocation, ct).ConfigureAwait(false);
        if (domain.Length == 0)
        {
            return Results.From(outcome);
        }

        var site = SiteAddress.ForApi(domain);
        if (site is null)
        {
            var sentence = $"The licence was issued and saved, but the domain '{domain}' is not a site address it can be attached to; correct the domain and press Attach License.";
            await services.Ledger.SetLastErrorAsync(outcome.Record.Id, sentence, services.Now, CancellationToken.None).ConfigureAwait(false);
            return ModuleResult.Error(sentence);
        }

        var attached = await services.Operations.AttachAsync(invocation.Token, outcome.Record, site, ct).ConfigureAwait(false);
        if (attached.Ok)
        {
            return ModuleResult.Success();
        }

        if (attached.ErrorCode == ClientActions.SiteNotConnected)
        {
            // Not a failure of the order: the customer's guide shows the key and the activation steps, and
            // Jetpack attaches the licence itself once the site uses the key (Refresh Status records it).
            await services.Ledger.SetLastErrorAsync(outcome.Record.Id, WaitingForSite(site), services.Now, CancellationToken.None).ConfigureAwait(false);
            return ModuleResult.Success(attached.RequestId);
        }

        var failure = "The licence was issued and saved, but attaching it failed: " + attached.Sentence + " Press Attach License once the site is connected to Jetpack.";
        await services.Ledger.SetLastErrorAsync(outcome.Record.Id, attached.Sentence, services.Now, CancellationToken.None).ConfigureAwait(false);
        return ModuleResult.Error(failure, attached.RequestId);
    }

    /// <summary>What the admin's page shows while the licence waits for the customer's site.</summary>
    public static string WaitingForSite(string site) =>
        $"Issued but not attached yet: Jetpack is not connected on {site}; the customer has the activation steps in the client area, and Refresh Status records the attachment once the site uses the key.";

    /// <summary>Used by the other functions when the owner has nothing to act on.</summary>
    public static ModuleResult NoLicense() => ModuleResult.Error(Sentences.NoLicense);
}
