using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

/// <summary>The fault flags and the control API of <c>sandbox</c> and <c>serve --sandbox</c>, over real HTTP.</summary>
public sealed partial class SandboxFaultFlagTests
{
    private const string Token = "flag-test-token-3f9c1e";

    [Fact]
    public async Task Sandbox_applies_fault_flags_serves_the_control_api_and_never_prints_its_token()
    {
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var console = new RecordingConsole();
        var run = CommandLine.RunAsync(
            ["sandbox", "--urls", $"http://127.0.0.1:{port}", "--token", Token, "--seed", "5", "--fault", "issue:fail-before-work=1",
             "--fault", "revoke:late-answer=0.5", "--late-answer-delay", "1500", "--control"],
            Program.Commands, console.Console, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var faults = await GetJsonWhenUpAsync(http, "_sandbox/faults");
        using var issue = new HttpRequestMessage(HttpMethod.Post, "wpcom/v2/jetpack-licensing/license?product=jetpack-scan");
        issue.Headers.Authorization = new("Bearer", Token);
        using var refused = await http.SendAsync(issue);
        var counters = await GetJsonWhenUpAsync(http, "_sandbox/counters");

        Assert.Equal(["issue:fail-before-work=1", "revoke:late-answer=0.5"], faults.GetProperty("rates").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1500, faults.GetProperty("late_answer_delay_ms").GetDouble());
        Assert.Equal(5, faults.GetProperty("seed").GetInt32());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(1, counters.GetProperty("received").GetProperty("issue").GetInt64());
        Assert.Equal(1, counters.GetProperty("faulted").GetProperty("fail-before-work").GetInt64());
        stop.Cancel();
        Assert.Equal(0, await run);
        Assert.Contains("issue:fail-before-work=1", console.Output, StringComparison.Ordinal);
        Assert.Contains("/_sandbox/", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_without_control_refuses_the_control_api()
    {
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var run = CommandLine.RunAsync(["sandbox", "--urls", $"http://127.0.0.1:{port}", "--token", Token], Program.Commands, new RecordingConsole().Console, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        using var families = await SendWhenUpAsync(http, "wpcom/v2/jetpack-licensing/product-families");
        using var counters = await http.GetAsync(new Uri("_sandbox/counters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, families.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, counters.StatusCode);
        Assert.Contains("control_disabled", await counters.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        stop.Cancel();
        Assert.Equal(0, await run);
    }

    [Theory]
    [InlineData("sandbox --token T --fault issue:melt=0.1", "melt")]
    [InlineData("sandbox --token T --fault issue:reset=0.8 --fault issue:graceful-close=0.5", "add up to")]
    [InlineData("sandbox --token T --late-answer-delay -5", "--late-answer-delay")]
    [InlineData("serve --fault issue:reset=0.1", "--sandbox")]
    [InlineData("serve --sandbox-control", "--sandbox")]
    public async Task Unusable_fault_flags_are_refused_with_a_sentence(string line, string expected)
    {
        var console = new RecordingConsole();

        var exit = await CommandLine.RunAsync(line.Split(' '), Program.Commands, console.Console);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_passes_fault_flags_and_control_to_its_in_process_sandbox_and_never_prints_the_token()
    {
        using var directory = new TempDirectory();
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var console = new RecordingConsole();
        var run = CommandLine.RunAsync(
            ["serve", "--sandbox", "--sandbox-token", Token, "--fault", "issue:fail-before-work=1", "--late-answer-delay", "2500", "--sandbox-control",
             "--urls", $"http://127.0.0.1:{port}", "--data-dir", directory.Path],
            Program.Commands, console.Console, stop.Token);
        using var http = new HttpClient();

        using var health = await SendWhenUpAsync(http, $"http://127.0.0.1:{port}/healthz");
        var sandbox = new Uri(SandboxAddress().Match(console.Output).Groups[1].Value);
        var faults = await GetJsonWhenUpAsync(http, new Uri(sandbox, "/_sandbox/faults").ToString());
        using var issue = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox, "license?product=jetpack-scan"));
        issue.Headers.Authorization = new("Bearer", Token);
        using var refused = await http.SendAsync(issue);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(["issue:fail-before-work=1"], faults.GetProperty("rates").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2500, faults.GetProperty("late_answer_delay_ms").GetDouble());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        stop.Cancel();
        Assert.Equal(0, await run);
        Assert.DoesNotContain(Token, console.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"sandbox\s+on\s+(https?://\S+/)")]
    private static partial Regex SandboxAddress();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HttpResponseMessage> SendWhenUpAsync(HttpClient http, string uri)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.GetAsync(new Uri(uri, UriKind.RelativeOrAbsolute));
            }
            catch (HttpRequestException) when (attempt < 150)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<JsonElement> GetJsonWhenUpAsync(HttpClient http, string uri)
    {
        using var response = await SendWhenUpAsync(http, uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
