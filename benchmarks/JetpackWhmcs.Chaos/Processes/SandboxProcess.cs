using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace JetpackWhmcs.Chaos.Processes;

/// <summary>
/// The Jetpack Licensing API sandbox as its own process (<c>jetpack-whmcs sandbox --control</c>), with
/// every fault kind on every endpoint the engine calls, and the control API the checks read it through.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    /// <summary>The fault kinds, by their spec names: every way the sandbox can lose or refuse an answer.</summary>
    public static readonly string[] Kinds =
        ["graceful-close", "reset", "close-after-headers", "truncated-body", "late-answer", "fail-before-work", "fail-after-work", "rate-limited"];

    /// <summary>The endpoints the engine calls, writes and reads.</summary>
    public static readonly string[] Endpoints = ["issue", "revoke", "attach", "detach", "get", "list"];

    private readonly ChildProcess process;
    private readonly HttpClient http;

    private SandboxProcess(ChildProcess process, Uri root, HttpClient http)
    {
        this.process = process;
        this.http = http;
        Root = root;
    }

    /// <summary>The sandbox's address, e.g. <c>http://127.0.0.1:19000/</c>.</summary>
    public Uri Root { get; }

    /// <summary>The API base the services use.</summary>
    public Uri ApiBase => new(Root, "wpcom/v2/jetpack-licensing/");

    public static IReadOnlyList<string> FaultSpecs(double rate) =>
        [.. Endpoints.SelectMany(e => Kinds.Select(k => $"{e}:{k}={rate.ToString(CultureInfo.InvariantCulture)}"))];

    public static async Task<SandboxProcess> StartAsync(ChaosOptions options, string token, int port, string logPath)
    {
        var root = new Uri($"http://127.0.0.1:{port}/");
        List<string> args =
        [
            "sandbox", "--urls", root.ToString().TrimEnd('/'), "--token", token, "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
            "--latency", options.LatencyMs.ToString(CultureInfo.InvariantCulture), "--jitter", options.LatencyMs.ToString(CultureInfo.InvariantCulture),
            "--late-answer-delay", options.LateAnswerDelayMs.ToString(CultureInfo.InvariantCulture), "--control",
        ];
        foreach (var spec in options.FaultRate > 0 ? FaultSpecs(options.FaultRate) : [])
        {
            args.Add("--fault");
            args.Add(spec);
        }

        var process = ChildProcess.Start(options.Binary, args, new Dictionary<string, string>(), logPath);
        var http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
        await HttpWait.UntilAnswersAsync(http, new Uri(root, "_sandbox/counters"), process, logPath, TimeSpan.FromSeconds(60));
        return new SandboxProcess(process, root, http);
    }

    /// <summary>Requests received per endpoint (spec names), counted on arrival, faulted ones included.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReceivedAsync()
    {
        var counters = await http.GetFromJsonAsync<JsonElement>("_sandbox/counters");
        return counters.GetProperty("received").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }

    /// <summary>Faults applied per kind.</summary>
    public async Task<IReadOnlyDictionary<string, long>> FaultedAsync()
    {
        var counters = await http.GetFromJsonAsync<JsonElement>("_sandbox/counters");
        return counters.GetProperty("faulted").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }

    /// <summary>Turns every random fault off (latency stays), so that the final recovery can finish.</summary>
    public async Task TurnFaultsOffAsync()
    {
        using var response = await http.PutAsJsonAsync("_sandbox/faults", new { rates = Array.Empty<string>() });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Issues a licence through the API as someone in the partner portal would: no WHMCS service, no ledger row, no audit row.</summary>
    public async Task IssueBehindWhmcsAsync(string token, string product)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "wpcom/v2/jetpack-licensing/license") { Content = JsonContent.Create(new { product }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every licence the sandbox ever issued to the token (control API: not an API call).</summary>
    public async Task<IReadOnlyList<SandboxLicence>> AllLicencesAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "_sandbox/licenses");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("items").EnumerateArray().Select(i => new SandboxLicence(
            i.GetProperty("license_key").GetString()!,
            i.GetProperty("product_slug").GetString()!,
            i.GetProperty("revoked_at").ValueKind != JsonValueKind.Null))];
    }

    /// <summary>The keys the API lists as not revoked, read as a partner would: through the API's list, page by page.</summary>
    public async Task<IReadOnlySet<string>> ActiveKeysViaApiAsync(string token)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"wpcom/v2/jetpack-licensing/licenses?filter=not_revoked&sort_field=issued_at&sort_direction=asc&per_page=100&page={page}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var item in body.GetProperty("items").EnumerateArray())
            {
                keys.Add(item.GetProperty("license_key").GetString()!);
            }

            if (page >= body.GetProperty("total_pages").GetInt32())
            {
                return keys;
            }
        }
    }

    public Task StopAsync() => process.StopAsync(TimeSpan.FromSeconds(10));

    public void Dispose()
    {
        http.Dispose();
        process.Dispose();
    }
}

/// <summary>One licence as the sandbox holds it.</summary>
internal sealed record SandboxLicence(string Key, string ProductSlug, bool Revoked);
