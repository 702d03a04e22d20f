using JetpackWhmcs.Service.Tests.Support;
using JetpackWhmcs.Service.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

/// <summary>
/// Issue 8, "Also": the endpoint read the body's parameters again by its own rules for its log line and
/// token registry, and could disagree with the engine about whose call it was.
/// </summary>
public sealed class ModuleCallLogTests
{
    [Fact]
    public async Task The_log_line_and_the_token_registry_see_the_parameters_the_engine_used()
    {
        var collector = new FakeLogCollector();
        var settings = new Dictionary<string, string?> { [$"Logging:{typeof(FakeLoggerProvider).FullName}:LogLevel:Default"] = "Information" };
        await using var service = await ServiceUnderTest.StartAsync(settings: settings, logs: new FakeLoggerProvider(collector));
        var parameters = ServiceUnderTest.ServiceParams(7);
        // A zero addon id in another spelling: no addon, so the service owns the licence.
        parameters["addonId"] = "00";
        parameters["configoption1"] = "  " + ServiceUnderTest.Token + " ";

        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", parameters)).ResultText);

        Assert.NotNull(await service.Ledger.FindBySlotAsync("service:7"));
        var line = Assert.Single(collector.GetSnapshot(), r => r.Message.StartsWith("Module call CreateAccount", StringComparison.Ordinal));
        Assert.Contains("for service:7 ended success", line.Message, StringComparison.Ordinal);
        Assert.Contains(ServiceUnderTest.Token, service.App.Services.GetRequiredService<TokenRegistry>().All);
    }
}
