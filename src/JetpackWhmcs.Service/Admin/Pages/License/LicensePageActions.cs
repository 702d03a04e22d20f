using JetpackWhmcs.Service.LicenseActions;

namespace JetpackWhmcs.Service.Admin.Pages.License;

/// <summary>
/// Carries out a confirmed action of the licence detail page through the engine, with the admin as the
/// actor of its audit rows. The row is read again first: an action confirmed on a page that has gone
/// stale (revoked or replaced since) does nothing.
/// </summary>
public sealed class LicensePageActions(LicenseActionRunner runner)
{
    /// <summary>Runs <paramref name="action"/> on <paramref name="detail"/>'s licence for <paramref name="page"/>'s admin.</summary>
    public async Task<LicenseActionOutcome> RunAsync(AdminPageContext page, LicenseDetail detail, LicenseAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(action);
        if (!detail.Actionable || detail.Owner is null)
        {
            return new(false, $"Nothing was done: licence {detail.Row.LicenseKey} is {detail.Row.State.ToString().ToLowerInvariant()} and no longer its service's current licence, so open the current one from the licence list.");
        }

        var site = page.FormValue("site");
        if (action.NeedsSite && site is null)
        {
            return new(false, "Nothing was done: attaching needs the site's address (for example https://example.com), so fill it in and confirm again.");
        }

        var request = new LicenseActionRequest
        {
            Owner = detail.Owner,
            Function = action.Function,
            FallbackToken = page.SettingsToken,
            Domain = action.NeedsSite ? site : null,
            NoTokenAdvice = "save it as the API token of the Jetpack addon module (System Settings, Addon Modules), or add it to the service's Tokens setting",
            NoProductAdvice = "adopt the licence first (reconcile), or act on it from WHMCS's service page",
            NoParentAdvice = "open the licence from its addon's service in WHMCS",
        };
        try
        {
            var result = await runner.RunAsync(request, page.Admin.DisplayName, cancellationToken);
            return result.Succeeded
                ? new(true, $"{action.Done} of {detail.Owner} ({result.RequestIdText}).")
                : new(false, $"Could not {action.Name} the licence of {detail.Owner}: {result.MessageWithRequestId}.");
        }
        catch (LicenseActionRefusedException e)
        {
            return new(false, "Nothing was done: " + e.Message);
        }
    }
}
