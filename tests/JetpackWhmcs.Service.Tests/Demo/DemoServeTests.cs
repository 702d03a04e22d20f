using System.Net;
using System.Text.RegularExpressions;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.Demo;

/// <summary><c>demo --serve</c>: after the summary, the pages show what the ledger holds through a link that works once.</summary>
public sealed partial class DemoServeTests
{
    [Fact]
    public async Task Demo_serve_prints_a_one_time_link_to_pages_showing_the_demo_licences_until_stopped()
    {
        using var directory = new TempDirectory();
        var console = new RecordingConsole();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var demo = JetpackWhmcs.Service.Cli.CommandLine.RunAsync(["demo", "--serve", "--data-dir", directory.Path], Program.Commands, console.Console, stop.Token);
        Match link;
        while (!(link = LoginLink().Match(console.Output)).Success)
        {
            Assert.False(demo.IsCompleted, console.Output);
            await Task.Delay(100);
        }

        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies });
        using var stranger = new HttpClient();
        var licenses = await browser.GetStringAsync(new Uri(link.Value));
        using var again = await stranger.GetAsync(new Uri(link.Value));
        await stop.CancelAsync();
        var exit = await demo;

        Assert.Equal(4, Regex.Count(licenses, "href=\"/ui/license\\?id=\\d+\""));
        Assert.Contains("Cross-check holds: zero orphans.", console.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(0, exit);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/ui/login\?code=[0-9a-f]{64}")]
    private static partial Regex LoginLink();
}
