using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.ClientArea;
using JetpackWhmcs.Provisioning.Issuance;
using JetpackWhmcs.Provisioning.Lifecycle;

namespace JetpackWhmcs.Provisioning.Display;

/// <summary>
/// ClientArea: only when "Show User License" is on, the <c>jetpack_license</c> template and its
/// variables (raw values: the template escapes them). No licence gives a clear state, never a fake key.
/// An active licence also lists the sites the customer may pick for it (their active services' domains).
/// </summary>
internal sealed class ClientAreaView(EngineServices services, ClientActions client)
{
    /// <summary>Jetpack's support page on installing Jetpack and connecting a plan.</summary>
    public const string GettingStartedUrl = "https://jetpack.com/support/install-jetpack-and-connect-your-new-plan/";

    public async Task<ModuleResult> RunAsync(Invocation invocation, CancellationToken ct)
    {
        if (!invocation.Settings.ShowLicense || !invocation.HasOwner)
        {
            return ModuleResult.Array([]);
        }

        var row = await services.Current.FindForDisplayAsync(invocation, ct).ConfigureAwait(false);
        var domain = (await SiteDomain.DefaultAsync(services, invocation, ct).ConfigureAwait(false)).Trim().TrimEnd('/');
        var vars = new JsonObject
        {
            ["domain"] = domain,
            ["activation_url"] = SiteAddress.ActivationUrl(domain),
            ["getting_started_url"] = GettingStartedUrl,
        };

        switch (row?.State)
        {
            case LicenseState.Active:
                vars["license_key"] = row.LicenseKey;
                vars["state"] = row.SuspendedSite is null ? "active" : "suspended";
                vars["product_name"] = await services.Catalog.NameOfAsync(IssuedLicenses.ProductOf(row), ct).ConfigureAwait(false);
                vars["attached_site"] = row.AttachedSite ?? "";
                vars["message"] = "";
                // The guide's steps open Jetpack on the site the licence is on, else on the service's domain.
                if (row.AttachedSite is { } attached && ClientSite.ActivationUrl(attached) is { Length: > 0 } onSite)
                {
                    vars["activation_url"] = onSite;
                }

                vars["sites"] = new JsonArray([.. (await client.OwnDomainsAsync(invocation.Parameters.UserId, domain, ct).ConfigureAwait(false)).Select(d => JsonValue.Create(d))]);
                break;
            case LicenseState.Pending:
                vars["license_key"] = "";
                vars["state"] = "pending";
                vars["product_name"] = await services.Catalog.NameOfAsync(row.ProductSlug, ct).ConfigureAwait(false);
                vars["message"] = "Your Jetpack licence is being issued; refresh this page in a minute.";
                break;
            case LicenseState.Revoked:
                vars["license_key"] = "";
                vars["state"] = "revoked";
                vars["product_name"] = await services.Catalog.NameOfAsync(IssuedLicenses.ProductOf(row), ct).ConfigureAwait(false);
                vars["message"] = "This Jetpack licence has been cancelled.";
                break;
            default:
                vars["license_key"] = "";
                vars["state"] = "none";
                vars["product_name"] = await services.Catalog.NameOfAsync(invocation.Settings.ProductSlug, ct).ConfigureAwait(false);
                vars["message"] = "No Jetpack licence has been issued for this service yet; please contact support if this lasts.";
                break;
        }

        return ModuleResult.Array(new JsonObject { ["templatefile"] = "jetpack_license", ["vars"] = vars });
    }
}
