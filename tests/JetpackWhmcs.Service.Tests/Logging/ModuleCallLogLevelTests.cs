using System.Net;
using JetpackWhmcs.Service.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JetpackWhmcs.Service.Tests.Logging;

/// <summary>
/// Every client-area page view runs ClientArea, so its log line is kept off the default level; a call
/// that changes a licence, and any call that fails, is still logged where an operator looks.
/// </summary>
public sealed class ModuleCallLogLevelTests
{
    [Fact]
    public async Task A_successful_read_only_call_logs_at_debug_and_a_changing_or_failed_call_at_information()
    {
        var collector = new FakeLogCollector();
        var settings = new Dictionary<string, string?>
        {
            [$"Logging:{typeof(FakeLoggerProvider).FullName}:LogLevel:Default"] = "Trace",
        };
        await using var service = await ServiceUnderTest.StartAsync(settings: settings, logs: new FakeLoggerProvider(collector));
        var parameters = ServiceUnderTest.ServiceParams(71);
        var wrongToken = ServiceUnderTest.ServiceParams(72);
        wrongToken["configoption1"] = "a-token-the-sandbox-does-not-know";

        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", parameters)).ResultText);
        Assert.Equal(HttpStatusCode.OK, (await service.Whmcs.CallAsync("ClientArea", parameters)).Status);
        Assert.False((await service.Whmcs.CallAsync("TestConnection", wrongToken)).Result?["success"]?.GetValue<bool>());

        var lines = collector.GetSnapshot().Where(r => r.Category == "JetpackWhmcs.Module").ToList();
        LogLevel LevelOf(string function) => lines.Single(r => r.Message.StartsWith($"Module call {function} ", StringComparison.Ordinal)).Level;
        Assert.Equal(LogLevel.Information, LevelOf("CreateAccount"));
        Assert.Equal(LogLevel.Debug, LevelOf("ClientArea"));
        Assert.Equal(LogLevel.Information, LevelOf("TestConnection"));
    }
}
