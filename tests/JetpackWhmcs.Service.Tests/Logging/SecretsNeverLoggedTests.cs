using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JetpackWhmcs.Service.Tests.Logging;

public sealed class SecretsNeverLoggedTests
{
    // Distinctive, and with characters that URL and JSON encoding change, so every written form is looked for.
    private const string PartnerToken = "jpTok+LeakCanary/9Qx=7Zm2Wb4";
    private const string WrongToken = "jpTok+NotKnown/3Rv=8Yk5Hc1";

    private static readonly Action<ILogger, string, Exception?> TokenMessage = LoggerMessage.Define<string>(LogLevel.Information, default, "Token {Token}");
    private static readonly Action<ILogger, string, Exception?> BodyMessage = LoggerMessage.Define<string>(LogLevel.Information, default, "Body {Body}");
    private static readonly Action<ILogger, string, Exception?> CleanMessage = LoggerMessage.Define<string>(LogLevel.Information, new EventId(9), "Clean {Value}");

    private static JsonObject Params(long serviceId, string slug = "jetpack-backup-daily", long? addonId = null)
    {
        var p = ServiceUnderTest.ServiceParams(serviceId, slug);
        p["configoption1"] = PartnerToken;
        p["configoption4"] = "detach";
        if (addonId is not null)
        {
            p["addonId"] = addonId;
        }

        return p;
    }

    private static async Task<JsonNode?> Succeeds(ServiceUnderTest service, string function, JsonObject parameters)
    {
        var response = await service.Whmcs.CallAsync(function, parameters);
        Assert.True(response.Status == HttpStatusCode.OK, $"{function}: {(int)response.Status} {response.Body}");
        return response.Result;
    }

    private static async Task Success(ServiceUnderTest service, string function, JsonObject parameters) =>
        Assert.Equal("success", (await Succeeds(service, function, parameters))?.ToString());

    [Fact]
    public async Task No_log_record_at_trace_level_holds_a_partner_token_or_the_bridge_secret_through_a_lifecycle_and_its_failures()
    {
        var collector = new FakeLogCollector();
        var settings = new Dictionary<string, string?>
        {
            // This provider alone hears everything, whatever filters the host sets for its console.
            [$"Logging:{typeof(FakeLoggerProvider).FullName}:LogLevel:Default"] = "Trace",
            ["Tokens:0"] = PartnerToken,
        };
        string secret;
        await using (var service = await ServiceUnderTest.StartAsync(settings: settings, token: PartnerToken, logs: new FakeLoggerProvider(collector)))
        {
            secret = service.Secret.Hex;
            await DriveLifecycleAsync(service);
            await DriveFailuresAsync(service);
        }

        var records = collector.GetSnapshot();
        Assert.NotEmpty(records);
        // The capture really is at the most verbose level and hears the web server, the API client and the module calls.
        Assert.Contains(records, r => r.Level <= LogLevel.Debug && (r.Category ?? string.Empty).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(records, r => (r.Category ?? string.Empty).StartsWith("JetpackWhmcs.Licensing", StringComparison.Ordinal));
        foreach (var function in new[] { "CreateAccount", "ClientArea", "AttachLicense", "SuspendAccount", "UnsuspendAccount", "ChangePackage", "TerminateAccount", "TestConnection", "LoadProducts" })
        {
            Assert.Contains(records, r => r.Category == "JetpackWhmcs.Module" && r.Message.StartsWith($"Module call {function} ", StringComparison.Ordinal));
        }

        Assert.Contains(records, r => r.Category == "JetpackWhmcs.Module" && r.Message.Contains("Refused a module call", StringComparison.Ordinal));

        var leaks = LogSecretScan.Leaks(records, new Dictionary<string, string>
        {
            ["the partner token"] = PartnerToken,
            ["the wrong partner token"] = WrongToken,
            ["the bridge secret"] = secret,
        });
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s) in {records.Count} log records:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public void The_scan_finds_a_secret_in_a_message_a_state_value_a_scope_or_an_exception_in_any_encoded_form()
    {
        var collector = new FakeLogCollector();
        var logger = new FakeLogger(collector, "Probe");
        TokenMessage(logger, PartnerToken, null);
        var failure = new InvalidOperationException("inner", new InvalidOperationException("Bearer " + PartnerToken));
        logger.LogInformation(new EventId(2), failure, "Failed");
        var scope = new Dictionary<string, object?> { ["Url"] = "https://x.example/?t=" + Uri.EscapeDataString(PartnerToken) };
        using (logger.BeginScope(scope))
        {
            logger.LogInformation("In a scope");
        }

        var body = new JsonObject { ["t"] = PartnerToken }.ToJsonString();
        BodyMessage(logger, body, null);
        CleanMessage(logger, "nothing here", null);

        var leaks = LogSecretScan.Leaks(collector.GetSnapshot(), new Dictionary<string, string> { ["token"] = PartnerToken });

        Assert.Contains(leaks, l => l.Contains("message", StringComparison.Ordinal) && l.Contains("event 0", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("state key Token", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("exception", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("scope", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("state key Body", StringComparison.Ordinal));
        Assert.DoesNotContain(leaks, l => l.Contains("event 9", StringComparison.Ordinal));
        Assert.DoesNotContain(leaks, l => l.Contains(PartnerToken, StringComparison.Ordinal)); // the report does not repeat it
    }

    private static async Task DriveLifecycleAsync(ServiceUnderTest service)
    {
        var product = Params(61);
        var addon = Params(61, "jetpack-scan", addonId: 611);

        Assert.NotNull((await Succeeds(service, "LoadProducts", product))?["jetpack-scan"]);
        Assert.True((await Succeeds(service, "TestConnection", product))?["success"]?.GetValue<bool>());
        foreach (var p in new[] { product, addon })
        {
            await Success(service, "CreateAccount", p);
            Assert.Equal("jetpack_license", (await Succeeds(service, "ClientArea", p))?["templatefile"]?.ToString());
            await Success(service, "AttachLicense", p);
            await Success(service, "SuspendAccount", p);
            await Success(service, "UnsuspendAccount", p);
        }

        await Success(service, "ChangePackage", Params(61, "jetpack-security-daily"));
        await Success(service, "TerminateAccount", Params(61, "jetpack-security-daily"));
        await Success(service, "TerminateAccount", addon);
        Assert.All(service.Sandbox.Store.LicensesOf(PartnerToken), l => Assert.True(l.IsRevoked));
    }

    private static async Task DriveFailuresAsync(ServiceUnderTest service)
    {
        // A token Jetpack does not know: the sandbox answers 403.
        var wrong = Params(62);
        wrong["configoption1"] = WrongToken;
        var refused = await service.Whmcs.CallAsync("CreateAccount", wrong);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotEqual("success", refused.ResultText);

        // The licence is issued but Jetpack's answer is lost (HTTP 500).
        service.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.LostAnswerHttp500);
        Assert.Equal(HttpStatusCode.OK, (await service.Whmcs.CallAsync("CreateAccount", Params(63))).Status);

        // Unsigned, and signed with another secret: refused before anything runs.
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["params"] = Params(64) }.ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Whmcs.SendRawAsync("CreateAccount", body, null, null, null)).Status);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N");
        var other = BridgeSecret.FromHex(new string('b', 64));
        var forged = BridgeSignature.ComputeHex(other.Key, "CreateAccount", timestamp, nonce, body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Whmcs.SendRawAsync("CreateAccount", body, timestamp, nonce, forged)).Status);

        // Signed, but the token is sent with the wrong type: refused as bad input.
        var badType = Params(65);
        badType["configoption1"] = new JsonArray(PartnerToken);
        var badInput = await service.Whmcs.CallAsync("CreateAccount", badType);
        Assert.Equal(HttpStatusCode.BadRequest, badInput.Status);
        Assert.All(LogSecretScan.FormsOf(PartnerToken), form => Assert.DoesNotContain(form, badInput.Body, StringComparison.Ordinal)); // WHMCS's module log keeps this answer
    }
}
