using System.Globalization;
using System.Text;

namespace JetpackWhmcs.Sandbox.Tests;

/// <summary>
/// The connection-level faults as they look on the wire, read through a plain socket: on a reused
/// keep-alive connection the work is done, then the answer is lost in the way the kind says.
/// </summary>
public sealed class ConnectionFaultTests
{
    private const string Base = "/wpcom/v2/jetpack-licensing/";
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Graceful_close_does_the_work_and_sends_FIN_before_any_byte()
    {
        var (bytes, reset, sandbox) = await LoseIssueAnswerAsync(FaultKind.GracefulClose);
        await using var _ = sandbox;

        Assert.Empty(bytes);
        Assert.False(reset);
        AssertIssuedOnceAndLogged(sandbox, FaultKind.GracefulClose, status: 0);
    }

    [Fact]
    public async Task Reset_does_the_work_and_sends_RST()
    {
        var (bytes, reset, sandbox) = await LoseIssueAnswerAsync(FaultKind.LostAnswerDropConnection);
        await using var _ = sandbox;

        Assert.Empty(bytes);
        Assert.True(reset);
        AssertIssuedOnceAndLogged(sandbox, FaultKind.LostAnswerDropConnection, status: 0);
    }

    [Fact]
    public async Task Close_after_headers_sends_the_status_line_and_headers_then_FIN()
    {
        var (bytes, reset, sandbox) = await LoseIssueAnswerAsync(FaultKind.CloseAfterHeaders);
        await using var _ = sandbox;

        var text = Encoding.ASCII.GetString(bytes);
        Assert.False(reset);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", text, StringComparison.Ordinal);
        Assert.True(int.Parse(RawConnection.Header(text, "Content-Length")!, CultureInfo.InvariantCulture) > 0);
        AssertIssuedOnceAndLogged(sandbox, FaultKind.CloseAfterHeaders, status: 200);
    }

    [Fact]
    public async Task Truncated_body_promises_the_whole_body_sends_half_then_FIN()
    {
        var (bytes, reset, sandbox) = await LoseIssueAnswerAsync(FaultKind.TruncatedBody);
        await using var _ = sandbox;

        var text = Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var promised = int.Parse(RawConnection.Header(text[..split], "Content-Length")!, CultureInfo.InvariantCulture);
        var sent = bytes.Length - (split + 4);
        Assert.False(reset);
        Assert.Equal(promised / 2, sent);
        Assert.True(sent > 0);
        AssertIssuedOnceAndLogged(sandbox, FaultKind.TruncatedBody, status: 200);
    }

    [Fact]
    public async Task Late_answer_does_the_work_first_and_answers_after_the_delay()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.Faults.LateAnswerDelay = TimeSpan.FromMilliseconds(700));
        sandbox.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.LateAnswer);
        using var connection = await RawConnection.OpenAsync(sandbox.Server.BaseUrl);

        // Timed from the send, so a slow machine cannot make the answer look early.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await connection.SendAsync("POST", Base + "license?product=jetpack-scan");
        await Task.Delay(300);
        Assert.Equal(1, sandbox.Server.Store.TotalCount); // done before the answer
        var (head, body) = await connection.ReadAnswerAsync();

        Assert.StartsWith("HTTP/1.1 200", head, StringComparison.Ordinal);
        Assert.Contains("jetpack-scan_", body, StringComparison.Ordinal);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(650), $"answered {watch.Elapsed} after the request");
        AssertIssuedOnceAndLogged(sandbox.Server, FaultKind.LateAnswer, status: 200);
    }

    [Fact]
    public async Task A_graceful_close_makes_SocketsHttpHandler_resend_a_request_without_content_but_a_reset_does_not()
    {
        // Documents dotnet/runtime issue 86714 against the sandbox: the reason the client always sends content.
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.CallAsync(HttpMethod.Get, "product-families", token: null);
        sandbox.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.GracefulClose);

        using var resent = await sandbox.SendAsync(HttpMethod.Post, "license?product=jetpack-scan");

        Assert.Equal(200, (int)resent.StatusCode);
        Assert.Equal(2, sandbox.Server.Counters.Received(SandboxEndpoint.IssueLicense));
        Assert.Equal(2, sandbox.Server.Store.TotalCount);

        sandbox.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.LostAnswerDropConnection);
        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.SendAsync(HttpMethod.Post, "license?product=jetpack-scan"));
        Assert.Equal(3, sandbox.Server.Counters.Received(SandboxEndpoint.IssueLicense));

        sandbox.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.GracefulClose);
        await sandbox.CallAsync(HttpMethod.Get, "product-families", token: null);
        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.SendAsync(HttpMethod.Post, "license", json: """{"product":"jetpack-scan"}"""));
        Assert.Equal(4, sandbox.Server.Counters.Received(SandboxEndpoint.IssueLicense));
        Assert.Equal(4, sandbox.Server.Store.TotalCount);
    }

    [Fact]
    public async Task Connection_faults_at_a_rate_hit_that_share_of_calls_and_the_connection_recovers()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.Seed = 5;
            o.Faults.SetFaultRate(SandboxEndpoint.ListLicenses, FaultKind.GracefulClose, 0.25);
            o.Faults.SetFaultRate(SandboxEndpoint.ListLicenses, FaultKind.TruncatedBody, 0.25);
        });

        var failed = 0;
        for (var i = 0; i < 80; i++)
        {
            try
            {
                using var response = await sandbox.SendAsync(HttpMethod.Get, "licenses", json: "");
                _ = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                failed++;
            }
        }

        var counters = sandbox.Server.Counters;
        Assert.Equal(80, counters.Received(SandboxEndpoint.ListLicenses));
        Assert.Equal(failed, counters.Faulted(FaultKind.GracefulClose) + counters.Faulted(FaultKind.TruncatedBody));
        Assert.InRange(failed, 20, 60);
        Assert.True(counters.Faulted(FaultKind.GracefulClose) > 0 && counters.Faulted(FaultKind.TruncatedBody) > 0);
    }

    private static async Task<(byte[] Bytes, bool Reset, SandboxServer Sandbox)> LoseIssueAnswerAsync(FaultKind kind)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Tokens = [SandboxHarness.TokenA] });
        using var connection = await RawConnection.OpenAsync(sandbox.BaseUrl);
        await connection.SendAsync("GET", Base + "product-families", token: null);
        var (head, _) = await connection.ReadAnswerAsync();
        Assert.StartsWith("HTTP/1.1 200", head, StringComparison.Ordinal);

        sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, kind);
        await connection.SendAsync("POST", Base + "license", body: """{"product":"jetpack-scan"}""");
        var (bytes, reset) = await connection.ReadToEndAsync(ReadTimeout);
        return (bytes, reset, sandbox);
    }

    private static void AssertIssuedOnceAndLogged(SandboxServer sandbox, FaultKind kind, int status)
    {
        Assert.Equal(1, sandbox.Store.TotalCount);
        Assert.Equal(1, sandbox.Counters.Received(SandboxEndpoint.IssueLicense));
        Assert.Equal(1, sandbox.Counters.Faulted(kind));
        var issued = Assert.Single(sandbox.Requests, r => r.Endpoint == SandboxEndpoint.IssueLicense);
        Assert.Equal(kind, issued.Fault);
        Assert.Equal(status, issued.StatusCode);
    }
}
