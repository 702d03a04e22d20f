using System.Net;
using System.Text;
using System.Text.Json;

namespace JetpackWhmcs.Sandbox.Tests;

/// <summary>The control API under /_sandbox/, over real HTTP, as a chaos run in another process uses it.</summary>
public sealed class ControlApiTests
{
    [Theory]
    [InlineData("GET", "counters")]
    [InlineData("GET", "faults")]
    [InlineData("PUT", "faults")]
    [InlineData("GET", "licenses?token=" + SandboxHarness.TokenA)]
    public async Task Every_control_route_is_refused_unless_the_control_api_is_on(string method, string path)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await SendControlAsync(sandbox, new HttpMethod(method), path, """{"rates":["issue:fail-before-work=1"]}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await ReadAsync(response);
        SandboxHarness.AssertError(body, "control_disabled");
        Assert.Contains("--control", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Server.Faults.FaultRates);
        Assert.Equal(0, sandbox.Server.Counters.Total);
    }

    [Fact]
    public async Task Counters_count_every_arrival_per_endpoint_faulted_ones_included_and_not_the_control_calls()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.ControlEnabled = true);
        using var queued = await PutFaultsAsync(sandbox, """
            {"fail_next":[{"endpoint":"issue","kind":"fail-before-work","count":1},{"endpoint":"issue","kind":"reset","count":1}]}
            """);
        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);

        await sandbox.CallAsync(HttpMethod.Post, "license?product=jetpack-scan", 503);
        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.SendAsync(HttpMethod.Post, "license?product=jetpack-scan"));
        await sandbox.IssueAsync("jetpack-scan");
        await sandbox.CallAsync(HttpMethod.Get, "licenses");

        var counters = await GetControlAsync(sandbox, "counters");
        Assert.Equal(4, counters.GetProperty("total").GetInt64());
        Assert.Equal(3, counters.GetProperty("received").GetProperty("issue").GetInt64());
        Assert.Equal(1, counters.GetProperty("received").GetProperty("list").GetInt64());
        Assert.Equal(0, counters.GetProperty("received").GetProperty("revoke").GetInt64());
        Assert.Equal(1, counters.GetProperty("faulted").GetProperty("fail-before-work").GetInt64());
        Assert.Equal(1, counters.GetProperty("faulted").GetProperty("reset").GetInt64());
        Assert.Equal(0, counters.GetProperty("faulted").GetProperty("graceful-close").GetInt64());
        Assert.Equal(2, sandbox.Server.Store.CountOf(SandboxHarness.TokenA));
    }

    [Fact]
    public async Task Put_replaces_the_rates_and_delays_at_run_time_and_get_shows_them()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.ControlEnabled = true;
            o.Faults.SetFaultRate(SandboxEndpoint.ListLicenses, FaultKind.Failure, 1);
        });

        using var put = await PutFaultsAsync(sandbox, """
            {"rates":["issue:fail-before-work=1","revoke:late-answer=0.1"],"latency_ms":5,"jitter_ms":2,"late_answer_delay_ms":1500}
            """);
        var answered = await ReadAsync(put);
        var shown = await GetControlAsync(sandbox, "faults");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(answered.GetRawText(), shown.GetRawText());
        var rates = shown.GetProperty("rates").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("issue:fail-before-work=1", rates);
        Assert.Contains("revoke:late-answer=0.1", rates);
        Assert.DoesNotContain(rates, r => r!.StartsWith("list:", StringComparison.Ordinal));
        Assert.Equal(5, shown.GetProperty("latency_ms").GetDouble());
        Assert.Equal(1500, shown.GetProperty("late_answer_delay_ms").GetDouble());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), sandbox.Server.Faults.LateAnswerDelay);
        await sandbox.CallAsync(HttpMethod.Post, "license?product=jetpack-scan", 503);
        await sandbox.CallAsync(HttpMethod.Get, "licenses");

        using var off = await PutFaultsAsync(sandbox, """{"rates":[]}""");
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        await sandbox.IssueAsync("jetpack-scan");
        Assert.Empty(sandbox.Server.Faults.FaultRates);
    }

    [Theory]
    [InlineData("""{"rates":["issue:fail-before-work=0.5"],"fail_next":[{"endpoint":"issue","kind":"melt","count":1}]}""", "melt")]
    [InlineData("""{"rates":["issue:reset=0.7","issue:graceful-close=0.5"]}""", "add up to")]
    [InlineData("""{"rates":["issue:reset=2"]}""", "from 0 to 1")]
    [InlineData("""{"ratez":["issue:reset=0.5"]}""", "ratez")]
    [InlineData("""{"latency_ms":-1}""", "latency_ms")]
    [InlineData("not json", "not a fault change")]
    public async Task A_refused_change_says_why_and_changes_nothing(string body, string expected)
    {
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.ControlEnabled = true;
            o.Faults.SetFaultRate(SandboxEndpoint.IssueLicense, FaultKind.GracefulClose, 0.25);
        });
        var before = (await GetControlAsync(sandbox, "faults")).GetRawText();

        using var refused = await PutFaultsAsync(sandbox, body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await ReadAsync(refused);
        SandboxHarness.AssertError(error, "invalid_faults");
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await GetControlAsync(sandbox, "faults")).GetRawText());
        Assert.Equal(0, sandbox.Server.Faults.PendingForcedFaults(SandboxEndpoint.IssueLicense));
    }

    [Fact]
    public async Task Licenses_lists_every_licence_of_one_token_revoked_ones_included()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.ControlEnabled = true);
        var kept = await sandbox.IssueAsync("jetpack-scan");
        var revoked = await sandbox.IssueAsync("jetpack-backup-daily");
        await sandbox.CallAsync(HttpMethod.Delete, $"license?license_key={revoked}");
        await sandbox.IssueAsync("jetpack-complete", SandboxHarness.TokenB);

        var byQuery = await GetControlAsync(sandbox, "licenses?token=" + SandboxHarness.TokenA);
        using var byHeader = new HttpRequestMessage(HttpMethod.Get, Control(sandbox, "licenses"));
        byHeader.Headers.Authorization = new("Bearer", SandboxHarness.TokenA);
        using var headerAnswer = await sandbox.Http.SendAsync(byHeader);
        using var unknown = await SendControlAsync(sandbox, HttpMethod.Get, "licenses?token=not-a-partner");

        Assert.Equal(2, byQuery.GetProperty("total").GetInt32());
        Assert.Equal(1, byQuery.GetProperty("active").GetInt32());
        var items = byQuery.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([kept, revoked], items.Select(i => i.GetProperty("license_key").GetString()));
        Assert.Equal("jetpack-scan", items[0].GetProperty("product_slug").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("revoked_at").ValueKind);
        Assert.Equal(JsonValueKind.String, items[1].GetProperty("revoked_at").ValueKind);
        Assert.Equal(byQuery.GetRawText(), (await ReadAsync(headerAnswer)).GetRawText());
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        SandboxHarness.AssertError(await ReadAsync(unknown), "invalid_token");
        Assert.Equal(0, sandbox.Server.Counters.Received(SandboxEndpoint.ListLicenses));
    }

    [Fact]
    public async Task Faults_set_at_run_time_replay_the_same_way_under_the_same_seed()
    {
        var first = await RunAsync(seed: 9);
        var replay = await RunAsync(seed: 9);
        var other = await RunAsync(seed: 10);

        Assert.Equal(first, replay);
        Assert.NotEqual(first, other);
        Assert.Contains("503", first, StringComparison.Ordinal);
        Assert.Contains("500", first, StringComparison.Ordinal);
        Assert.Contains("200:jetpack-scan_", first, StringComparison.Ordinal);

        static async Task<string> RunAsync(int seed)
        {
            await using var sandbox = await SandboxHarness.StartAsync(o =>
            {
                o.Seed = seed;
                o.ControlEnabled = true;
            });
            using var put = await PutFaultsAsync(sandbox, """{"rates":["issue:fail-before-work=0.3","issue:fail-after-work=0.2"]}""");
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var outcomes = new StringBuilder();
            for (var i = 0; i < 30; i++)
            {
                using var response = await sandbox.SendAsync(HttpMethod.Post, "license?product=jetpack-scan");
                var body = await ReadAsync(response);
                outcomes.Append((int)response.StatusCode).Append(':')
                    .Append(body.TryGetProperty("license_key", out var key) ? key.GetString() : body.GetProperty("code").GetString()).Append('\n');
            }

            return outcomes.ToString();
        }
    }

    private static Uri Control(SandboxHarness sandbox, string path) => new(sandbox.Server.BaseUrl, "/_sandbox/" + path);

    private static async Task<HttpResponseMessage> SendControlAsync(SandboxHarness sandbox, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, Control(sandbox, path));
        if (method == HttpMethod.Put && json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await sandbox.Http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PutFaultsAsync(SandboxHarness sandbox, string json) => SendControlAsync(sandbox, HttpMethod.Put, "faults", json);

    private static async Task<JsonElement> GetControlAsync(SandboxHarness sandbox, string path)
    {
        using var response = await SendControlAsync(sandbox, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
