using System.Net;
using System.Net.Http.Json;

namespace JetpackWhmcs.Sandbox.Tests;

/// <summary>Attaching requires a site connected to Jetpack; a site owner pasting the key connects it and attaches the licence.</summary>
public sealed class SiteConnectionTests
{
    [Fact]
    public async Task Attach_to_a_site_not_connected_to_jetpack_is_400_site_not_connected_and_changes_nothing()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();
        sandbox.Server.Store.MarkSiteNotConnected("http://staging.example.com");

        var error = await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site", 400, json: """{"site":"https://staging.example.com"}""");

        SandboxHarness.AssertError(error, "site_not_connected");
        Assert.False(sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!.IsAttached);
        // Other sites stay connected.
        await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site", json: """{"site":"https://www.example.com"}""");
    }

    [Fact]
    public async Task The_owner_pasting_the_key_connects_the_site_and_attaches_the_licence()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.ControlEnabled = true);
        var key = await sandbox.IssueAsync();
        var control = new Uri(sandbox.Server.BaseUrl, "/_sandbox/sites");
        using var mark = await sandbox.Http.PostAsJsonAsync(control, new { site = "https://new.example.com", connected = false });
        Assert.Equal(HttpStatusCode.OK, mark.StatusCode);

        using var used = await sandbox.Http.PostAsJsonAsync(control, new { site = "https://new.example.com", token = SandboxHarness.TokenA, key });

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        var license = sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!;
        Assert.Equal("https://new.example.com", license.SiteUrl);
        using var unknown = await sandbox.Http.PostAsJsonAsync(control, new { site = "https://x.example.com", token = SandboxHarness.TokenA, key = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
