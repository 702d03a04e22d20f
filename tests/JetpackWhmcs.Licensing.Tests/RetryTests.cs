using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JetpackWhmcs.Sandbox;
using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>The retry rule against the sandbox's fault knobs.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task A_read_survives_two_5xx_answers()
    {
        await using var h = await StartAsync();
        var stored = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
        h.Server.Faults.FailNext(SandboxEndpoint.GetLicense, 2, FaultKind.Failure);

        var license = await h.Client.GetLicenseAsync(TokenA, stored.LicenseKey);

        Assert.Equal(stored.LicenseKey, license.LicenseKey);
        Assert.Equal([503, 503, 200], h.Server.Requests.Select(r => r.StatusCode));
        Assert.All(h.Server.Requests, r => AssertSent(r, "GET", "license", $"?license_key={stored.LicenseKey}", TokenA));
    }

    [Fact]
    public async Task A_read_survives_a_429_and_waits_for_its_Retry_After()
    {
        await using var h = await StartAsync();
        h.Server.Faults.FailNext(SandboxEndpoint.ProductFamilies, 1, FaultKind.RateLimited);
        var clock = Stopwatch.StartNew();

        var families = await h.Client.GetProductFamiliesAsync();

        Assert.NotEmpty(families);
        Assert.Equal([429, 200], h.Server.Requests.Select(r => r.StatusCode));
        // The sandbox asks for 1 s; the base delay is 5 ms, so only Retry-After explains the wait.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.Elapsed}");
    }

    [Fact]
    public async Task A_read_survives_a_dropped_connection()
    {
        await using var h = await StartAsync();
        h.Server.Faults.FailNext(SandboxEndpoint.ListLicenses, 1, FaultKind.LostAnswerDropConnection);

        var page = await h.Client.ListLicensesAsync(TokenA, new());

        Assert.Empty(page.Items);
        Assert.Equal([0, 200], h.Server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_read_that_keeps_failing_gives_up_after_MaxRetries_with_the_last_answer()
    {
        await using var h = await StartAsync();
        h.Server.Faults.SetFailureRate(SandboxEndpoint.PartnerProductFamilies, 1.0);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.GetPartnerProductFamiliesAsync(TokenA));

        var requests = h.Server.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("service_unavailable", ex.ErrorCode);
        Assert.Equal(requests[^1].RequestId, ex.RequestId);
        Assert.True(ex.MayHaveBeenCarriedOut);
        Assert.Null(ex.RawBody);
        Assert.StartsWith("Jetpack failed while asked to list the partner's product prices (service_unavailable: ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"try again later (request id {ex.RequestId}).", ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex);
    }

    [Theory]
    [InlineData(FaultKind.LostAnswerHttp500)]
    [InlineData(FaultKind.LostAnswerDropConnection)]
    public async Task An_issue_whose_answer_is_lost_may_have_been_carried_out_and_is_not_sent_again(FaultKind fault)
    {
        await using var h = await StartAsync();
        // Warm the pool first: a lost answer on a reused connection must not be resent by the transport either.
        await h.Client.GetProductFamiliesAsync();
        h.Server.ClearRequests();
        h.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, fault);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.IssueLicenseAsync(TokenA, "jetpack-security-daily"));

        var sent = h.SingleRequest();
        AssertSent(sent, "POST", "license", "?product=jetpack-security-daily", TokenA, """{"product":"jetpack-security-daily"}""");
        Assert.Single(h.Server.Store.LicensesOf(TokenA));
        Assert.True(ex.MayHaveBeenCarriedOut);
        Assert.Contains("it may have been done, so check the licence before trying again", ex.Message, StringComparison.Ordinal);
        Assert.Contains("issue a jetpack-security-daily licence", ex.Message, StringComparison.Ordinal);
        if (fault == FaultKind.LostAnswerHttp500)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
            Assert.Equal("internal_server_error", ex.ErrorCode);
            Assert.Equal(sent.RequestId, ex.RequestId);
            Assert.EndsWith($"(request id {sent.RequestId}).", ex.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(ex.StatusCode);
            Assert.Null(ex.ErrorCode);
            Assert.Null(ex.RequestId);
            Assert.NotNull(ex.InnerException);
        }

        AssertNoSecret(ex);
    }

    [Fact]
    public async Task Writes_whose_answer_is_lost_are_never_sent_twice()
    {
        await using var h = await StartAsync();
        var revoked = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
        var attached = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
        var detached = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
        h.Server.Store.AttachDirect(TokenA, detached.LicenseKey, "https://a.example.com/");
        h.Server.Faults.LostAnswerMode = LostAnswerMode.DropConnection;
        h.Server.Faults.LostAnswerRate = 1.0;

        var calls = new Func<Task>[]
        {
            () => h.Client.RevokeLicenseAsync(TokenA, revoked.LicenseKey),
            () => h.Client.AttachLicenseAsync(TokenA, attached.LicenseKey, "https://b.example.com/"),
            () => h.Client.DetachLicenseAsync(TokenA, detached.LicenseKey),
        };
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<JetpackApiException>(call);
            Assert.True(ex.MayHaveBeenCarriedOut);
        }

        Assert.Equal(3, h.Server.Requests.Count);
        Assert.Equal(3, h.Counter.Count);
        Assert.True(h.Server.Store.Find(TokenA, revoked.LicenseKey)!.IsRevoked);
        Assert.True(h.Server.Store.Find(TokenA, attached.LicenseKey)!.IsAttached);
        Assert.False(h.Server.Store.Find(TokenA, detached.LicenseKey)!.IsAttached);
    }

    [Fact]
    public async Task An_issue_answered_5xx_is_not_sent_again()
    {
        await using var h = await StartAsync();
        h.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.Failure);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.IssueLicenseAsync(TokenA, "jetpack-scan"));

        Assert.Equal(503, h.SingleRequest().StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        // The client cannot tell an injected "nothing done" 5xx from a real one that did the work.
        Assert.True(ex.MayHaveBeenCarriedOut);
    }

    [Fact]
    public async Task An_issue_refused_with_429_is_retried_and_yields_one_licence()
    {
        await using var h = await StartAsync(o => o.MaxRetryAfter = TimeSpan.FromSeconds(2));
        h.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.RateLimited);

        var license = await h.Client.IssueLicenseAsync(TokenA, "jetpack-scan");

        Assert.Equal([429, 200], h.Server.Requests.Select(r => r.StatusCode));
        Assert.Equal(license.LicenseKey, Assert.Single(h.Server.Store.LicensesOf(TokenA)).LicenseKey);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryAfter_fails_at_once_as_not_carried_out()
    {
        await using var h = await StartAsync(o => o.MaxRetryAfter = TimeSpan.FromMilliseconds(500));
        h.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.RateLimited);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.IssueLicenseAsync(TokenA, "jetpack-scan"));

        var sent = h.SingleRequest();
        Assert.Equal((HttpStatusCode)429, ex.StatusCode);
        Assert.Equal("rate_limit_exceeded", ex.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.Equal(sent.RequestId, ex.RequestId);
        Assert.False(ex.MayHaveBeenCarriedOut);
        Assert.StartsWith("Jetpack is rate-limiting requests and refused to issue a jetpack-scan licence (rate_limit_exceeded: ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"nothing was done, so try again in a minute (request id {sent.RequestId}).", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Server.Store.TotalCount);
    }

    [Fact]
    public async Task An_issue_to_a_closed_port_is_retried_and_raised_as_not_carried_out()
    {
        var closedPort = ClosedPort();
        var counter = new CountingHandler();
        var options = FastOptions(new Uri($"http://127.0.0.1:{closedPort}/wpcom/v2/jetpack-licensing/"));
        var client = new JetpackLicensingClient(counter.CreateClient(), options);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => client.IssueLicenseAsync(TokenA, "jetpack-scan"));

        Assert.Equal(options.MaxRetries + 1, counter.Count);
        Assert.False(ex.MayHaveBeenCarriedOut);
        Assert.Null(ex.StatusCode);
        Assert.Null(ex.RequestId);
        Assert.Equal(
            $"Could not reach Jetpack at 127.0.0.1:{closedPort} to issue a jetpack-scan licence (connection refused); nothing was sent, so check the network and the API base URL.",
            ex.Message);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        AssertNoSecret(ex);
    }

    [Fact]
    public async Task An_issue_that_times_out_may_have_been_carried_out_and_is_not_sent_again()
    {
        await using var h = await StartAsync(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        h.Server.Faults.Latency = TimeSpan.FromSeconds(3);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.IssueLicenseAsync(TokenA, "jetpack-scan"));

        Assert.Equal(1, h.Counter.Count);
        Assert.True(ex.MayHaveBeenCarriedOut);
        Assert.Null(ex.StatusCode);
        Assert.Equal(
            "Jetpack did not answer within 0.3 s when asked to issue a jetpack-scan licence; it may have been done, so check the licence before trying again.",
            ex.Message);
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried_within_the_overall_deadline()
    {
        await using var h = await StartAsync(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.OverallTimeout = TimeSpan.FromMilliseconds(1000);
            o.MaxRetries = 10;
        });
        h.Server.Faults.Latency = TimeSpan.FromSeconds(3);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.GetProductFamiliesAsync());

        Assert.InRange(h.Counter.Count, 2, 11);
        Assert.StartsWith("Jetpack did not answer within ", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task A_read_retries_after_an_attempt_timeout_and_succeeds()
    {
        await using var h = await StartAsync(o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        h.Server.Faults.Latency = TimeSpan.FromSeconds(5);
        var call = h.Client.GetProductFamiliesAsync();
        await Task.Delay(400);
        h.Server.Faults.Latency = TimeSpan.Zero;

        var families = await call;

        Assert.NotEmpty(families);
        Assert.Equal(2, h.Counter.Count);
    }

    [Fact]
    public async Task A_callers_cancellation_is_an_OperationCanceledException_not_an_api_failure()
    {
        await using var h = await StartAsync();
        h.Server.Faults.Latency = TimeSpan.FromSeconds(5);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.IssueLicenseAsync(TokenA, "jetpack-scan", cancel.Token));

        Assert.Equal(cancel.Token, ex.CancellationToken);
        Assert.Equal(1, h.Counter.Count);
    }

    [Fact]
    public async Task A_cancelled_token_sends_nothing()
    {
        await using var h = await StartAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.GetProductFamiliesAsync(new CancellationToken(canceled: true)));

        Assert.Equal(0, h.Counter.Count);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
