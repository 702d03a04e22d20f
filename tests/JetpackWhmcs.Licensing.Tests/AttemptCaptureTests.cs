using System.Net;
using System.Net.Sockets;
using JetpackWhmcs.Licensing.Attempts;
using JetpackWhmcs.Sandbox;
using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>What the client reports to an <see cref="ApiAttemptCapture"/>: every attempt that left the process.</summary>
public sealed class AttemptCaptureTests
{
    [Fact]
    public async Task An_issue_answered_429_then_200_reports_two_attempts()
    {
        await using var h = await StartAsync(o => o.MaxRetryAfter = TimeSpan.FromSeconds(2));
        h.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.RateLimited);

        using var capture = ApiAttemptCapture.Start();
        await h.Client.IssueLicenseAsync(TokenA, "jetpack-scan");

        var attempts = capture.Attempts;
        Assert.Equal(["rate_limited", "ok"], attempts.Select(a => a.Outcome));
        Assert.Equal([1, 2], attempts.Select(a => a.Number));
        Assert.All(attempts, a => Assert.Equal("IssueLicense", a.Operation));
        Assert.All(attempts, a => Assert.True(a.Sent));
        Assert.Equal([429, 200], attempts.Select(a => a.StatusCode));
        Assert.Equal(h.Server.Requests.Select(r => r.RequestId), attempts.Select(a => a.RequestId));
    }

    [Fact]
    public async Task An_issue_whose_answer_is_lost_reports_one_sent_attempt()
    {
        await using var h = await StartAsync();
        h.Server.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.LostAnswerDropConnection);

        using var capture = ApiAttemptCapture.Start();
        await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.IssueLicenseAsync(TokenA, "jetpack-scan"));

        var attempt = Assert.Single(capture.Attempts);
        Assert.True(attempt.Sent);
        Assert.Equal("answer_lost", attempt.Outcome);
        Assert.Null(attempt.StatusCode);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task A_refused_connection_reports_every_attempt_as_not_sent()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = FastOptions(new Uri($"http://127.0.0.1:{port}/wpcom/v2/jetpack-licensing/"));
        using var counter = new CountingHandler();
        var client = new JetpackLicensingClient(counter.CreateClient(), options);

        using var capture = ApiAttemptCapture.Start();
        await Assert.ThrowsAsync<JetpackApiException>(() => client.IssueLicenseAsync(TokenA, "jetpack-scan"));

        var attempts = capture.Attempts;
        Assert.Equal(options.MaxRetries + 1, attempts.Count);
        Assert.Equal(counter.Count, attempts.Count);
        Assert.All(attempts, a => Assert.False(a.Sent));
        Assert.All(attempts, a => Assert.Equal("not_sent", a.Outcome));
        Assert.Equal(Enumerable.Range(1, attempts.Count), attempts.Select(a => a.Number));
    }

    [Fact]
    public async Task Nested_captures_report_to_the_innermost_open_one()
    {
        await using var h = await StartAsync();

        using var outer = ApiAttemptCapture.Start();
        await h.Client.GetProductFamiliesAsync();
        using (var inner = ApiAttemptCapture.Start())
        {
            await h.Client.IssueLicenseAsync(TokenA, "jetpack-scan");
            Assert.Equal(["IssueLicense"], inner.Attempts.Select(a => a.Operation));
        }

        await h.Client.GetPartnerProductFamiliesAsync(TokenA);

        Assert.Equal(["GetProductFamilies", "GetPartnerProductFamilies"], outer.Attempts.Select(a => a.Operation));
    }

    [Fact]
    public async Task A_task_forked_inside_a_closed_capture_reports_to_the_enclosing_one()
    {
        await using var h = await StartAsync();
        using var outer = ApiAttemptCapture.Start();
        Task<Models.License> forked;
        var gate = new TaskCompletionSource();
        using (var inner = ApiAttemptCapture.Start())
        {
            // The forked flow copies the inner capture as its current one, then calls after it closed.
            forked = Task.Run(async () =>
            {
                await gate.Task;
                return await h.Client.IssueLicenseAsync(TokenA, "jetpack-scan");
            });
        }

        gate.SetResult();
        await forked;

        Assert.Equal(["IssueLicense"], outer.Attempts.Select(a => a.Operation));
    }

    [Fact]
    public async Task Parallel_flows_each_see_only_their_own_attempts()
    {
        await using var h = await StartAsync();

        async Task<IReadOnlyList<ApiAttempt>> Flow(string product, int calls)
        {
            using var capture = ApiAttemptCapture.Start();
            for (var i = 0; i < calls; i++)
            {
                await h.Client.IssueLicenseAsync(TokenA, product);
            }

            return capture.Attempts;
        }

        var results = await Task.WhenAll(
            Task.Run(() => Flow("jetpack-scan", 12)),
            Task.Run(() => Flow("jetpack-anti-spam", 7)),
            Task.Run(() => Flow("jetpack-complete", 9)));

        Assert.Equal([12, 7, 9], results.Select(r => r.Count));
        var requestIds = results.SelectMany(r => r.Select(a => a.RequestId)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(28, requestIds.Count);
        Assert.True(requestIds.SetEquals(h.Server.Requests.Select(r => r.RequestId)));
        // Each flow's keys are of its own product: no attempt crossed over.
        var byRequest = h.Server.Requests.ToDictionary(r => r.RequestId, r => r.QueryString, StringComparer.Ordinal);
        Assert.All(results[0], a => Assert.Equal("?product=jetpack-scan", byRequest[a.RequestId!]));
        Assert.All(results[1], a => Assert.Equal("?product=jetpack-anti-spam", byRequest[a.RequestId!]));
    }

    [Fact]
    public async Task Without_a_capture_nothing_is_collected_and_calls_still_work()
    {
        await using var h = await StartAsync();
        ApiAttemptCapture capture;
        using (capture = ApiAttemptCapture.Start())
        {
        }

        await h.Client.GetProductFamiliesAsync();

        Assert.Empty(capture.Attempts);
    }
}
