using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Sandbox.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task The_sandbox_can_be_hosted_inside_another_app_next_to_its_own_routes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddJetpackLicensingSandbox(new SandboxOptions { Tokens = ["hosted-token"] });
        await using var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapJetpackLicensingSandbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var issue = new HttpRequestMessage(HttpMethod.Post, "/wpcom/v2/jetpack-licensing/license?product=jetpack-complete");
        issue.Headers.Authorization = new("Bearer", "hosted-token");

        using var issued = await http.SendAsync(issue);
        var health = await http.GetStringAsync("/health");

        Assert.Equal(200, (int)issued.StatusCode);
        Assert.Equal("ok", health);
        Assert.Equal(1, app.Services.GetRequiredService<SandboxStore>().CountOf("hosted-token"));
        await app.StopAsync();
    }

    [Fact]
    public void Mapping_without_registering_says_what_to_call()
    {
        using var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapJetpackLicensingSandbox());

        Assert.Contains("AddJetpackLicensingSandbox", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_issues_from_two_tokens_are_all_counted_with_unique_keys()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var keys = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            sandbox.IssueAsync("jetpack-scan", i % 2 == 0 ? SandboxHarness.TokenA : SandboxHarness.TokenB)));

        Assert.Equal(400, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(200, sandbox.Server.Store.CountOf(SandboxHarness.TokenA));
        Assert.Equal(200, sandbox.Server.Store.CountOf(SandboxHarness.TokenB));
        Assert.Equal(400, sandbox.Server.Store.TotalCount);
        Assert.Equal(400, sandbox.Server.Requests.Select(r => r.RequestId).Distinct(StringComparer.Ordinal).Count());
    }
}
