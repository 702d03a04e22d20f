using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

/// <summary>The <c>actor</c> of a module call (docs/bridge-protocol.md) is recorded on every audit row it causes.</summary>
public sealed class AuditActorTests
{
    private static async Task<RawHttp.Answer> CallAsync(ServiceUnderTest service, string function, JsonObject parameters, JsonNode? actor)
    {
        var payload = new JsonObject { ["params"] = parameters };
        if (actor is not null)
        {
            payload["actor"] = actor;
        }

        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N");
        var signature = BridgeSignature.ComputeHex(service.Secret.Key, function, timestamp, nonce, body);
        return await RawHttp.SendAsync(
            service.Http.BaseAddress!,
            "/module/" + function,
            [$"{BridgeSignature.TimestampHeader}: {timestamp}", $"{BridgeSignature.NonceHeader}: {nonce}", $"{BridgeSignature.SignatureHeader}: {signature}"],
            body);
    }

    [Fact]
    public async Task Each_call_records_who_caused_it_admin_client_or_system()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new JsonObject { ["kind"] = "admin", ["id"] = 3, ["name"] = "alice\n(root)" };
        var created = await CallAsync(service, "CreateAccount", ServiceUnderTest.ServiceParams(1), admin);
        Assert.True(created.Status == 200 && created.Text.Contains("\"result\":\"success\"", StringComparison.Ordinal), created.Text);
        var client = new JsonObject { ["kind"] = "client", ["id"] = "12" };
        Assert.Equal(200, (await CallAsync(service, "RefreshStatus", ServiceUnderTest.ServiceParams(1), client)).Status);
        Assert.Equal(200, (await CallAsync(service, "TerminateAccount", ServiceUnderTest.ServiceParams(1), null)).Status);

        var audit = (await service.Ledger.ListAuditAsync(owner: "service:1")).OrderBy(e => e.Id).ToList();
        Assert.Equal("admin 3 (aliceroot)", audit.Single(e => e.Operation == "issue").Actor);
        Assert.Equal("client 12", audit.First(e => e.Operation is "list" or "get").Actor);
        Assert.Equal("system", audit.Single(e => e.Operation == "revoke").Actor);
    }

    [Theory]
    [InlineData("{\"kind\":\"root\",\"id\":1}", "actor.kind")]
    [InlineData("{\"kind\":\"admin\",\"id\":0}", "actor.id")]
    [InlineData("{\"kind\":\"client\"}", "actor.id")]
    [InlineData("\"admin\"", "must be a JSON object")]
    public async Task A_malformed_actor_is_refused_with_a_sentence_and_changes_nothing(string actor, string named)
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var answer = await CallAsync(service, "CreateAccount", ServiceUnderTest.ServiceParams(1), JsonNode.Parse(actor));
        Assert.Equal(400, answer.Status);
        Assert.Contains(named, answer.Text, StringComparison.Ordinal);
        Assert.Empty(await service.Ledger.ListAsync(new LedgerQuery()));
        Assert.Empty(service.Sandbox.Requests);
    }
}
