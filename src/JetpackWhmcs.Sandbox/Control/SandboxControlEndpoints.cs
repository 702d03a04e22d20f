using System.Text.Json;
using JetpackWhmcs.Sandbox.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JetpackWhmcs.Sandbox.Control;

/// <summary>
/// The control API, under <see cref="BasePath"/> (outside the API's own base path, so it can never be
/// mistaken for a Jetpack route nor be counted as an API request): what a chaos run or a test needs to
/// steer the sandbox from another process and to compare what it received with what the caller says
/// it sent. Served only when <see cref="SandboxOptions.ControlEnabled"/> is set.
/// </summary>
internal static class SandboxControlEndpoints
{
    public const string BasePath = "/_sandbox";

    public static void Map(IEndpointRouteBuilder endpoints, SandboxOptions options, SandboxStore store, SandboxRequestCounters counters)
    {
        var control = endpoints.MapGroup(BasePath);
        control.MapGet("/counters", () => Enabled(options) ?? Json(CountersBody.From(counters)));
        control.MapGet("/faults", () => Enabled(options) ?? Json(FaultsBody.From(options)));
        control.MapPut("/faults", (HttpRequest request) => ChangeFaultsAsync(request, options));
        control.MapGet("/licenses", (HttpRequest request) => Enabled(options) ?? Licenses(request, options, store));
        control.MapPost("/sites", (HttpRequest request) => ChangeSiteAsync(request, options, store));
        control.MapFallback("{**path}", () => Enabled(options) ?? Error(404, "rest_no_route",
            $"The control API serves GET {BasePath}/counters, GET and PUT {BasePath}/faults, GET {BasePath}/licenses?token=TOKEN and POST {BasePath}/sites."));
    }

    private static async Task<IResult> ChangeFaultsAsync(HttpRequest request, SandboxOptions options)
    {
        if (Enabled(options) is { } refused)
        {
            return refused;
        }

        FaultsChange? change;
        try
        {
            change = await JsonSerializer.DeserializeAsync<FaultsChange>(request.Body, ControlJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Error(400, "invalid_faults", $"The body is not a fault change ({e.Message.TrimEnd('.')}): send JSON with any of rates, fail_next, latency_ms, jitter_ms, late_answer_delay_ms.");
        }

        if (change is null)
        {
            return Error(400, "invalid_faults", "The body is empty: send JSON with any of rates, fail_next, latency_ms, jitter_ms, late_answer_delay_ms.");
        }

        return change.TryApply(options.Faults) is { } problem
            ? Error(400, "invalid_faults", problem + " Nothing was changed.")
            : Json(FaultsBody.From(options));
    }

    private static async Task<IResult> ChangeSiteAsync(HttpRequest request, SandboxOptions options, SandboxStore store)
    {
        if (Enabled(options) is { } refused)
        {
            return refused;
        }

        const string Expected = "send {\"site\": URL, \"connected\": false} or {\"site\": URL, \"token\": TOKEN, \"key\": KEY}";
        SiteChange? change;
        try
        {
            change = await JsonSerializer.DeserializeAsync<SiteChange>(request.Body, ControlJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Error(400, "invalid_site_change", $"The body is not a site change ({e.Message.TrimEnd('.')}): {Expected}.");
        }

        if (change?.Site is not { Length: > 0 } site)
        {
            return Error(400, "invalid_site_change", $"No site was named: {Expected}.");
        }

        try
        {
            if (change.Connected == false && change.Key is null)
            {
                store.MarkSiteNotConnected(site);
                return Json(new { site, connected = false });
            }

            if (change.Token is { Length: > 0 } token && change.Key is { Length: > 0 } key)
            {
                return Json(ControlLicense.From(store.UseKeyOnSiteDirect(token, key, site)));
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return Error(400, "invalid_site_change", e.Message);
        }

        return Error(400, "invalid_site_change", $"Nothing to do: {Expected}.");
    }

    private static IResult Licenses(HttpRequest request, SandboxOptions options, SandboxStore store)
    {
        // The query form is for curl; a header keeps the token out of anything that logs URLs.
        const string Bearer = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? header[Bearer.Length..].Trim() : request.Query["token"].ToString();
        if (string.IsNullOrEmpty(token) || !options.Tokens.Contains(token, StringComparer.Ordinal))
        {
            return Error(403, "invalid_token", "Name a partner token the sandbox accepts, with ?token= or an Authorization: Bearer header.");
        }

        var licenses = store.LicensesOf(token);
        return Json(new ControlLicensesBody(licenses.Count, licenses.Count(l => !l.IsRevoked), [.. licenses.Select(ControlLicense.From)]));
    }

    private static IResult? Enabled(SandboxOptions options) => options.ControlEnabled
        ? null
        : Error(404, "control_disabled", $"The sandbox control API ({BasePath}/) is off: start the sandbox with --control to use it.");

    private static IResult Json(object body) => Results.Json(body, ControlJson.Options);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(ApiJson.Error(new ApiError(status, code, message)), ApiJson.Options, statusCode: status);
}
