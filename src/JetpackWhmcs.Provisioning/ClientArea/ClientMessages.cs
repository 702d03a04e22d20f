using JetpackWhmcs.Provisioning.Errors;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// Every sentence a client action can show the customer, in English, each with its language key (the
/// bridge's <c>lang/english.php</c> holds the same sentences under <c>jetpack_client_&lt;key&gt;</c>). Each
/// says what went wrong and what to do; none carries an administrator's detail or a secret.
/// </summary>
internal static class ClientMessages
{
    public static ClientMessage BadRequest { get; } = new(
        "bad_request", "This request does not name your service; reload the page from your client area and try again.");

    public static ClientMessage NotYours { get; } = new(
        "not_yours", "This service does not belong to your account; open the service from your own client area and try again.");

    public static ClientMessage Unavailable { get; } = new(
        "unavailable", "Changing the site yourself is not available right now; please contact support and we will change it for you.");

    public static ClientMessage NoLicense { get; } = new(
        "no_license", "This service has no active Jetpack licence yet; wait until it has been set up, or contact support if this lasts.");

    public static ClientMessage InProgress { get; } = new(
        "in_progress", "Your Jetpack licence is being set up right now; try again in a minute.");

    public static ClientMessage NotActive { get; } = new(
        "not_active", "This service is not active, so its site cannot be changed now; pay any open invoice or contact support, then try again.");

    public static ClientMessage SiteMissing { get; } = new(
        "site_missing", "Choose one of your sites or type the address of the WordPress site to use, then try again.");

    public static ClientMessage ChangesOff { get; } = new(
        "changes_off", "Your host has turned off site changes in the client area; please contact support to change the site.");

    public static ClientMessage SiteInvalid(string site) => new(
        "site_invalid",
        $"'{site}' is not a site address: type the full address starting with https:// (for example https://example.com/blog), a WordPress.com blog id such as 123456, or the form example.com::blog.",
        Args(("site", site)));

    public static ClientMessage AlreadyAttached(string site) => new(
        "already_attached", $"Your licence is already active on {site}; use Change site to move it to another site.", Args(("site", site)));

    public static ClientMessage RateLimited(int limit) => new(
        "rate_limited",
        $"You have already changed the site of this service {limit} times in the last 24 hours; try again tomorrow or contact support.",
        Args(("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static ClientMessage TooManyTries(int tries) => new(
        "too_many_tries",
        $"The site of this service could not be changed in {tries} tries in the last 24 hours; check that Jetpack is connected on your site, then try again tomorrow or contact support.",
        Args(("tries", tries.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static ClientMessage NotConnected(string site, string activationUrl) => new(
        "not_connected",
        $"Jetpack is not connected on {site} yet: open {activationUrl}, connect Jetpack and paste your licence key there, then press Refresh status.",
        Args(("site", site), ("activation_url", activationUrl)));

    public static ClientMessage Failed(string? requestId) => string.IsNullOrEmpty(requestId)
        ? new("failed", "Jetpack could not make this change right now; try again in a few minutes, and contact support if it keeps failing.")
        : new(
            "failed_with_id",
            $"Jetpack could not make this change right now; try again in a few minutes, and contact support with the Jetpack request id {requestId} if it keeps failing.",
            Args(("request_id", requestId)));

    public static ClientMessage MovedHalfway(string site, string? requestId) => string.IsNullOrEmpty(requestId)
        ? new(
            "moved_halfway",
            $"Your licence was removed from its old site but could not be added to {site}; press Activate on my site to try again.",
            Args(("site", site)))
        : new(
            "moved_halfway_with_id",
            $"Your licence was removed from its old site but could not be added to {site}; press Activate on my site to try again{Sentences.RequestIdSuffix(requestId)}.",
            Args(("site", site), ("request_id", requestId)));

    private static Dictionary<string, string> Args(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
