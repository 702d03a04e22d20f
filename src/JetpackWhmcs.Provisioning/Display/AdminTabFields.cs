using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Issuance;

namespace JetpackWhmcs.Provisioning.Display;

/// <summary>
/// AdminServicesTabFields: label → value rows on the admin's service page. WHMCS prints the values as
/// HTML, so every value is HTML-escaped here. Read-only: no ledger write, no API call.
/// </summary>
internal sealed class AdminTabFields(EngineServices services)
{
    public async Task<ModuleResult> RunAsync(Invocation invocation, CancellationToken ct)
    {
        if (!invocation.HasOwner)
        {
            return ModuleResult.Array(new JsonObject { ["Jetpack License"] = Escape(Errors.Sentences.MissingOwner) }, ModuleOutcome.InvalidInput);
        }

        var row = await services.Current.FindForDisplayAsync(invocation, ct).ConfigureAwait(false);
        if (row is null)
        {
            return ModuleResult.Array(new JsonObject
            {
                ["License Key"] = "No License Key Found",
                ["License State"] = "none (run Create to issue a licence)",
            });
        }

        var pending = row.State == LicenseState.Pending;
        return ModuleResult.Array(new JsonObject
        {
            ["License Key"] = Escape(pending ? "(being issued)" : row.LicenseKey),
            ["License State"] = Escape(StateText(row)),
            ["Jetpack Product"] = Escape(IssuedLicenses.ProductOf(row) ?? ""),
            ["Issued At"] = pending ? "" : Time(row.IssuedAt),
            ["Attached Site"] = Escape(row.AttachedSite ?? ""),
            ["Attached At"] = Time(row.AttachedAt),
            ["Revoked At"] = Time(row.RevokedAt),
            ["Last Error"] = Escape(row.LastError ?? ""),
            ["Jetpack License ID"] = row.JetpackLicenseId?.ToString(CultureInfo.InvariantCulture) ?? "",
        });
    }

    private static string StateText(LicenseRecord row) => row.State switch
    {
        LicenseState.Pending => "pending (being issued; if this lasts, run Create again)",
        LicenseState.Revoked => "revoked",
        _ when row.SuspendedSite is not null => "active (detached while suspended)",
        _ when row.IsLegacyUnclaimed => "active (written by the original module)",
        _ => "active",
    };

    private static string Time(DateTime? value) =>
        value is { } at ? at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
