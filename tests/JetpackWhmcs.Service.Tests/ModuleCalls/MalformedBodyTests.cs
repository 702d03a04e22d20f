using System.Globalization;
using System.Net;
using System.Text;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

/// <summary>Issue 11, finding 5: bodies that threw outside the input checks now get a 4xx and a sentence.</summary>
public sealed class MalformedBodyTests
{
    private static void AssertNoStackTraceLogged(FakeLogCollector logs)
    {
        foreach (var record in logs.GetSnapshot())
        {
            Assert.True(record.Exception is null, $"{record.Category} logged {record.Exception?.GetType().Name}: {record.Message}");
            Assert.True(record.Level < LogLevel.Error, $"{record.Category} logged an error: {record.Message}");
            Assert.DoesNotContain("   at ", record.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"params\": {\"serviceid\": 1, \"configoption1\": \"abc\\ud800\"}}", "not valid Unicode")]
    [InlineData("{\"params\": {\"serviceid\": 1, \"domain\": \"\\udc00x.example\"}}", "not valid Unicode")]
    [InlineData("{\"params\": {\"serviceid\": 1, \"clientsdetails\": {\"\\ud83d\": \"x\"}}}", "not valid Unicode")]
    [InlineData("{\"params\": {\"serviceid\": 1}, \"params\": {\"serviceid\": 2}}", "not valid JSON")]
    [InlineData("{\"params\": {\"serviceid\": 1, \"serviceid\": 2}}", "not valid JSON")]
    public async Task Lone_surrogates_and_duplicate_keys_get_a_400_with_a_sentence_and_change_nothing(string body, string expected)
    {
        using var logs = new FakeLoggerProvider();
        await using var service = await ServiceUnderTest.StartAsync(logs: logs);

        var response = await service.Whmcs.SendAsync("CreateAccount", Encoding.UTF8.GetBytes(body));

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Body);
        Assert.Contains(expected, response.Error, StringComparison.Ordinal);
        Assert.Empty(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));
        Assert.Empty(await service.Ledger.ListAsync(new Ledger.LedgerQuery()));
        AssertNoStackTraceLogged(logs.Collector);
    }

    [Fact]
    public async Task A_content_length_above_the_limit_gets_413_before_the_body_is_read()
    {
        using var logs = new FakeLoggerProvider();
        await using var service = await ServiceUnderTest.StartAsync(logs: logs);

        // Kestrel's own limit is 30 MB; ours is 1 MB. Both sides of ours, announced but never sent.
        foreach (var length in new long[] { ModuleCallsLimit + 1, 40L * 1024 * 1024 })
        {
            var answer = await RawHttp.SendAsync(service.Http.BaseAddress!, "/module/CreateAccount", [$"Content-Length: {length.ToString(CultureInfo.InvariantCulture)}"], [], addContentLength: false);
            Assert.True(answer.Status == 413, answer.Text);
            Assert.Contains("larger than", answer.Text, StringComparison.Ordinal);
        }

        // And a body that is really that long, without a Content-Length (chunked).
        using var content = new ByteArrayContent(new byte[ModuleCallsLimit + 10]);
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "module/CreateAccount") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var chunked = await service.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        AssertNoStackTraceLogged(logs.Collector);
    }

    [Fact]
    public async Task A_body_that_stops_arriving_gets_a_4xx_with_a_sentence()
    {
        using var logs = new FakeLoggerProvider();
        await using var service = await ServiceUnderTest.StartAsync(logs: logs);

        // Announces 400 bytes, sends 10, then waits: Kestrel's minimum data rate gives up after its 5 s grace.
        var answer = await RawHttp.SendAsync(
            service.Http.BaseAddress!,
            "/module/CreateAccount",
            ["Content-Length: 400", $"{BridgeSignature.TimestampHeader}: 1", $"{BridgeSignature.NonceHeader}: {new string('a', 32)}", $"{BridgeSignature.SignatureHeader}: {new string('b', 64)}"],
            Encoding.ASCII.GetBytes("{\"params\":"),
            addContentLength: false,
            wait: TimeSpan.FromSeconds(15));

        Assert.True(answer.Status is >= 400 and < 500, answer.Text);
        Assert.Contains("stopped arriving", answer.Text, StringComparison.Ordinal);
        AssertNoStackTraceLogged(logs.Collector);
    }

    private const int ModuleCallsLimit = JetpackWhmcs.Service.ModuleCalls.ModuleEndpoints.MaxBodyBytes;
}
