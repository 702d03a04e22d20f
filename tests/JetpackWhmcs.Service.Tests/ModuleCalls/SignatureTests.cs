using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

public sealed class SignatureTests
{
    private static byte[] CreateBody(long serviceId) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["params"] = ServiceUnderTest.ServiceParams(serviceId) }.ToJsonString());

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Nonce() => Guid.NewGuid().ToString("N");

    private static async Task AssertRefusedAndNothingChanged(ServiceUnderTest service, BridgeResponse response, string expectedWords)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains(expectedWords, response.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await service.Ledger.ListAsync(new Ledger.LedgerQuery()));
        Assert.Empty(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));
    }

    [Fact]
    public async Task An_unsigned_request_gets_401_and_changes_nothing()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var response = await service.Whmcs.SendRawAsync("CreateAccount", CreateBody(1), null, null, null);
        await AssertRefusedAndNothingChanged(service, response, "not signed");
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_gets_401_and_changes_nothing()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var body = CreateBody(1);
        var (timestamp, nonce) = (Now(), Nonce());
        var wrong = BridgeSecret.FromHex(new string('a', 64));
        var response = await service.Whmcs.SendRawAsync("CreateAccount", body, timestamp, nonce, BridgeSignature.ComputeHex(wrong.Key, "CreateAccount", timestamp, nonce, body));
        await AssertRefusedAndNothingChanged(service, response, "signature is not valid");
    }

    [Fact]
    public async Task A_signature_for_another_function_or_body_gets_401()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var body = CreateBody(1);
        var (timestamp, nonce) = (Now(), Nonce());
        var forTerminate = BridgeSignature.ComputeHex(service.Secret.Key, "TerminateAccount", timestamp, nonce, body);
        await AssertRefusedAndNothingChanged(service, await service.Whmcs.SendRawAsync("CreateAccount", body, timestamp, nonce, forTerminate), "signature is not valid");
        var forOtherBody = BridgeSignature.ComputeHex(service.Secret.Key, "CreateAccount", timestamp, Nonce(), CreateBody(2));
        await AssertRefusedAndNothingChanged(service, await service.Whmcs.SendRawAsync("CreateAccount", body, timestamp, Nonce(), forOtherBody), "signature is not valid");
    }

    [Fact]
    public async Task An_expired_request_gets_401_and_changes_nothing()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var body = CreateBody(1);
        var old = DateTimeOffset.UtcNow.AddSeconds(-301).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Nonce();
        var response = await service.Whmcs.SendRawAsync("CreateAccount", body, old, nonce, BridgeSignature.ComputeHex(service.Secret.Key, "CreateAccount", old, nonce, body));
        await AssertRefusedAndNothingChanged(service, response, "seconds away");
    }

    [Fact]
    public async Task A_replayed_request_gets_401_and_does_not_run_twice()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["params"] = ServiceUnderTest.ServiceParams(1) }.ToJsonString());
        var (timestamp, nonce) = (Now(), Nonce());
        var signature = BridgeSignature.ComputeHex(service.Secret.Key, "TerminateAccount", timestamp, nonce, body);
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(1))).ResultText);

        var first = await service.Whmcs.SendRawAsync("TerminateAccount", body, timestamp, nonce, signature);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(1))).ResultText);
        var rowsBefore = await service.Ledger.ListAsync(new Ledger.LedgerQuery());

        var replay = await service.Whmcs.SendRawAsync("TerminateAccount", body, timestamp, nonce, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Contains("replayed", replay.Error, StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await service.Ledger.ListAsync(new Ledger.LedgerQuery()));
        Assert.Single(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token), l => !l.IsRevoked);
    }

    [Fact]
    public async Task The_generated_secret_file_is_owner_only_and_is_reused_on_the_next_start()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var path = Path.Combine(service.DataDir, "bridge-secret");
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var again = BridgeSecret.LoadOrCreate(new Configuration.JetpackWhmcsOptions { DataDir = service.DataDir });
        Assert.Equal(service.Secret.Hex, again.Hex);
        Assert.DoesNotContain(again.Hex, again.ToString(), StringComparison.Ordinal);
    }
}
