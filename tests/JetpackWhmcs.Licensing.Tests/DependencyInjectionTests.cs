using Microsoft.Extensions.DependencyInjection;
using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>The DI registration builds a working client over IHttpClientFactory.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddJetpackLicensingClient_registers_a_client_that_reaches_the_configured_base_url()
    {
        await using var h = await StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJetpackLicensingClient(o =>
        {
            o.BaseUrl = h.Server.BaseUrl;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        });
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<IJetpackLicensingClient>();
        var second = provider.GetRequiredService<IJetpackLicensingClient>();
        var issued = await first.IssueLicenseAsync(TokenA, "jetpack-scan");
        var read = await second.GetLicenseAsync(TokenB, h.Server.Store.IssueDirect(TokenB, "jetpack-complete").LicenseKey);

        Assert.Equal(issued.LicenseKey, Assert.Single(h.Server.Store.LicensesOf(TokenA)).LicenseKey);
        Assert.StartsWith("jetpack-complete_", read.LicenseKey, StringComparison.Ordinal);
        Assert.Equal([$"Bearer {TokenA}", $"Bearer {TokenB}"], h.Server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Invalid_options_fail_when_the_client_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddJetpackLicensingClient(o => o.MaxRetries = -5);
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IJetpackLicensingClient>());

        Assert.Equal("MaxRetries", ex.ParamName);
    }
}
