using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Tests.Support;
using Microsoft.Data.Sqlite;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

/// <summary>Issue 11, finding 1: a captured signed call cannot be replayed by repeating a signing header.</summary>
public sealed class ReplayTests
{
    private const string Function = "CreateAccount";

    private static string Path => "/module/" + Function;

    private sealed record Captured(byte[] Body, string Timestamp, string Nonce, string Signature);

    private static Captured Sign(ServiceUnderTest service, string function, JsonObject parameters)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["params"] = parameters }.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N");
        return new Captured(body, timestamp, nonce, BridgeSignature.ComputeHex(service.Secret.Key, function, timestamp, nonce, body));
    }

    private static string[] Headers(Captured c) =>
    [
        $"{BridgeSignature.TimestampHeader}: {c.Timestamp}",
        $"{BridgeSignature.NonceHeader}: {c.Nonce}",
        $"{BridgeSignature.SignatureHeader}: {c.Signature}",
    ];

    [Fact]
    public async Task A_captured_Create_replayed_after_Terminate_with_a_repeated_signing_header_is_refused_and_issues_nothing()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var captured = Sign(service, Function, ServiceUnderTest.ServiceParams(1));
        var first = await RawHttp.SendAsync(service.Http.BaseAddress!, Path, Headers(captured), captured.Body);
        Assert.True(first.Status == 200 && first.Text.Contains("\"result\":\"success\"", StringComparison.Ordinal), first.Text);
        Assert.Equal("success", (await service.Whmcs.CallAsync("TerminateAccount", ServiceUnderTest.ServiceParams(1))).ResultText);
        var requestsBefore = service.Sandbox.Requests.Count;
        var rowsBefore = await service.Ledger.ListAsync(new LedgerQuery());

        var n = captured.Nonce;
        var (t, s) = (captured.Timestamp, captured.Signature);
        string[][] replays =
        [
            // The finding: a second nonce line; the signature checked the first, the store saw "N,x".
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}", $"{BridgeSignature.NonceHeader}: x", $"{BridgeSignature.SignatureHeader}: {s}"],
            // The same with the second line in another letter case, and both values on one line.
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}", $"{BridgeSignature.NonceHeader.ToLowerInvariant()}: {Guid.NewGuid():N}", $"{BridgeSignature.SignatureHeader}: {s}"],
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}, {Guid.NewGuid():N}", $"{BridgeSignature.SignatureHeader}: {s}"],
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n},", $"{BridgeSignature.SignatureHeader}: {s}"],
            // A repeated timestamp or signature.
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}", $"{BridgeSignature.SignatureHeader}: {s}"],
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}", $"{BridgeSignature.SignatureHeader}: {s}", $"{BridgeSignature.SignatureHeader.ToUpperInvariant()}: {s}"],
        ];
        foreach (var headers in replays)
        {
            var replay = await RawHttp.SendAsync(service.Http.BaseAddress!, Path, headers, captured.Body);
            Assert.True(replay.Status == 401, string.Join(" | ", headers) + " => " + replay.Text);
            Assert.Contains("more than once", replay.Text, StringComparison.Ordinal);
        }

        // A header folded onto a second line (obsolete line folding) never gets as far as the endpoint.
        var folded = await RawHttp.SendAsync(
            service.Http.BaseAddress!,
            Path,
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}", " x", $"{BridgeSignature.SignatureHeader}: {s}"],
            captured.Body);
        Assert.Equal(400, folded.Status);

        // And the plain replay is refused as a replay.
        var plain = await RawHttp.SendAsync(service.Http.BaseAddress!, Path, Headers(captured), captured.Body);
        Assert.Equal(401, plain.Status);
        Assert.Contains("replayed", plain.Text, StringComparison.Ordinal);

        Assert.Equal(requestsBefore, service.Sandbox.Requests.Count);
        Assert.Equal(rowsBefore, await service.Ledger.ListAsync(new LedgerQuery()));
        Assert.Single(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));
        Assert.All(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token), l => Assert.True(l.IsRevoked));
    }

    [Fact]
    public async Task A_read_only_call_writes_no_nonce_while_a_changing_call_does()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        Assert.Equal("success", (await service.Whmcs.CallAsync(Function, ServiceUnderTest.ServiceParams(1))).ResultText);
        var before = await NonceCountAsync(service);
        Assert.Equal(1, before);

        foreach (var readOnly in ReplayPolicy.ReadOnlyFunctions)
        {
            var response = await service.Whmcs.CallAsync(readOnly, ServiceUnderTest.ServiceParams(1));
            Assert.True(response.Status == HttpStatusCode.OK, $"{readOnly}: {response.Body}");
        }

        // A captured ClientArea answers again with what it showed: nothing is written, nothing changes.
        var captured = Sign(service, "ClientArea", ServiceUnderTest.ServiceParams(1));
        for (var i = 0; i < 2; i++)
        {
            var again = await service.Whmcs.SendRawAsync("ClientArea", captured.Body, captured.Timestamp, captured.Nonce, captured.Signature);
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.Contains("jetpack-backup-daily_", again.Body, StringComparison.Ordinal);
        }

        Assert.Equal(before, await NonceCountAsync(service));
        Assert.Equal("success", (await service.Whmcs.CallAsync("SuspendAccount", ServiceUnderTest.ServiceParams(1))).ResultText);
        Assert.Equal(before + 1, await NonceCountAsync(service));
    }

    [Fact]
    public void Every_function_of_the_engine_is_either_read_only_or_remembers_its_nonce_and_the_changing_ones_do()
    {
        string[] changing = ["CreateAccount", "SuspendAccount", "UnsuspendAccount", "TerminateAccount", "Renew", "ChangePackage", "AttachLicense", "DetachLicense", "RefreshStatus", "ReissueLicense",
            "ClientActivate", "ClientChangeSite", "ClientRefreshStatus"];
        Assert.All(changing, f => Assert.True(ReplayPolicy.RemembersNonce(f), f));
        Assert.Equal(
            Provisioning.ModuleFunctions.All.Order(StringComparer.Ordinal),
            changing.Concat(ReplayPolicy.ReadOnlyFunctions).Order(StringComparer.Ordinal));
    }

    private static async Task<long> NonceCountAsync(ServiceUnderTest service)
    {
        await using var connection = new SqliteConnection("Data Source=" + System.IO.Path.Combine(service.DataDir, "ledger.db"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM jetpack_whmcs_bridge_nonces";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
