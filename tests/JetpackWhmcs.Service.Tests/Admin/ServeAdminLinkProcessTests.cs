using System.Net;
using System.Text.RegularExpressions;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.Admin;

/// <summary><c>serve --admin-link</c> as an operator runs it: the printed link opens the pages once.</summary>
public sealed partial class ServeAdminLinkProcessTests
{
    [Fact]
    public async Task Serve_with_admin_link_prints_a_link_that_opens_the_pages_once()
    {
        using var directory = new TempDirectory();
        await using var serve = await ServeProcess.StartAsync(directory.Path, "--sandbox", "--admin-link");
        Match link;
        var waited = 0;
        while (!(link = LoginLink().Match(serve.Output)).Success && waited++ < 100)
        {
            await Task.Delay(100);
        }

        Assert.True(link.Success, serve.Output);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
        using var first = await browser.GetAsync(new Uri(link.Value));
        using var again = await new HttpClient().GetAsync(new Uri(link.Value));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Licences", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/ui/login\?code=[0-9a-f]{64}")]
    private static partial Regex LoginLink();
}
