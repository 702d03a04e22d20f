using System.Net;
using System.Net.Sockets;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

public sealed class ProcessCommandTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HttpResponseMessage> GetWhenUpAsync(HttpClient http, Uri uri, HttpRequestMessage? template = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(template?.Method ?? HttpMethod.Get, uri);
                foreach (var header in template?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                return await http.SendAsync(request);
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task The_sandbox_command_answers_like_the_api_until_cancelled()
    {
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var console = new RecordingConsole();
        var run = JetpackWhmcs.Service.Cli.CommandLine.RunAsync(["sandbox", "--urls", $"http://127.0.0.1:{port}", "--token", "T1", "--token", "T2"], Program.Commands, console.Console, stop.Token);
        using var http = new HttpClient();
        var api = $"http://127.0.0.1:{port}/wpcom/v2/jetpack-licensing/";

        using var families = await GetWhenUpAsync(http, new Uri(api + "product-families"));
        Assert.Equal(HttpStatusCode.OK, families.StatusCode);
        Assert.Contains("\"slug\"", await families.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var issue = new HttpRequestMessage(HttpMethod.Post, api + "license?product=jetpack-scan");
        issue.Headers.Add("Authorization", "Bearer T2");
        using var issued = await http.SendAsync(issue);
        var body = await issued.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains("\"license_key\":\"jetpack-scan_", body, StringComparison.Ordinal);
        Assert.Contains("\"revoked_at\":null", body, StringComparison.Ordinal);

        using var forbidden = new HttpRequestMessage(HttpMethod.Post, api + "license?product=jetpack-scan");
        forbidden.Headers.Add("Authorization", "Bearer nope");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(forbidden)).StatusCode);

        stop.Cancel();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task Serve_with_the_in_process_sandbox_serves_health_and_stops_gracefully()
    {
        using var directory = new TempDirectory();
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var console = new RecordingConsole();
        var run = JetpackWhmcs.Service.Cli.CommandLine.RunAsync(["serve", "--sandbox", "--urls", $"http://127.0.0.1:{port}", "--data-dir", directory.Path], Program.Commands, console.Console, stop.Token);
        using var http = new HttpClient();

        using var health = await GetWhenUpAsync(http, new Uri($"http://127.0.0.1:{port}/healthz"));
        var text = await health.Content.ReadAsStringAsync();
        Assert.True(health.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("\"status\":\"ok\"", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory.Path, "bridge-secret")));
        Assert.True(File.Exists(Path.Combine(directory.Path, "ledger.db")));

        stop.Cancel();
        Assert.Equal(0, await run);
        Assert.DoesNotContain(await File.ReadAllTextAsync(Path.Combine(directory.Path, "bridge-secret")), console.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
