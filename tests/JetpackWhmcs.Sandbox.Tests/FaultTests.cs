using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace JetpackWhmcs.Sandbox.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Latency_delays_the_answer()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.Faults.Latency = TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        await sandbox.CallAsync(HttpMethod.Get, "product-families", token: null);
        watch.Stop();

        // Loose lower bound only: the machine may be slow, never assert an upper bound.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Latency_jitter_adds_delay()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.Faults.LatencyJitter = TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            await sandbox.CallAsync(HttpMethod.Get, "product-families", token: null);
        }

        watch.Stop();

        // Ten draws uniform in [0, 300 ms) average 1.5 s in total; only a loose lower bound is asserted.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Rate_limit_is_checked_before_the_failure_rate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.Faults.FailureRate = 1;
            o.Faults.RateLimitPerSecond = 1;
        });

        await sandbox.CallAsync(HttpMethod.Get, "licenses", 503);
        await sandbox.CallAsync(HttpMethod.Get, "licenses", 429);

        Assert.Equal([FaultKind.Failure, FaultKind.RateLimited], sandbox.Server.Requests.Select(r => r.Fault));
    }

    [Fact]
    public async Task Failure_rate_one_answers_5xx_and_does_no_work()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.Faults.FailureRate = 1.0);

        var error = await sandbox.CallAsync(HttpMethod.Post, "license?product=jetpack-scan", 503);

        SandboxHarness.AssertError(error, "service_unavailable");
        Assert.Equal(0, sandbox.Server.Store.TotalCount);
        var recorded = Assert.Single(sandbox.Server.Requests);
        Assert.Equal(FaultKind.Failure, recorded.Fault);
        Assert.Equal(503, recorded.StatusCode);
    }

    [Fact]
    public async Task Per_endpoint_failure_rate_overrides_the_global_one_and_can_change_at_run_time()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.SetFailureRate(SandboxEndpoint.IssueLicense, 1.0);
        sandbox.Server.Faults.FailureStatusCode = 502;

        SandboxHarness.AssertError(await sandbox.CallAsync(HttpMethod.Post, "license?product=jetpack-scan", 502), "bad_gateway");
        await sandbox.CallAsync(HttpMethod.Get, "licenses");

        sandbox.Server.Faults.SetFailureRate(SandboxEndpoint.IssueLicense, 0);
        sandbox.Server.Faults.FailureRate = 1.0;
        await sandbox.CallAsync(HttpMethod.Post, "license?product=jetpack-scan");
        await sandbox.CallAsync(HttpMethod.Get, "licenses", 502);
        Assert.Equal(1, sandbox.Server.Store.TotalCount);
    }

    [Fact]
    public async Task Failure_rate_one_half_fails_some_calls_and_not_others()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.Faults.FailureRate = 0.5);

        var failures = 0;
        for (var i = 0; i < 200; i++)
        {
            using var response = await sandbox.SendAsync(HttpMethod.Get, "product-families", token: null);
            failures += (int)response.StatusCode >= 500 ? 1 : 0;
        }

        Assert.InRange(failures, 50, 150);
    }

    [Fact]
    public async Task Lost_answer_as_500_does_the_work_then_answers_500()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.SetLostAnswerRate(SandboxEndpoint.IssueLicense, 1.0);

        var error = await sandbox.CallAsync(HttpMethod.Post, "license?product=jetpack-anti-spam", 500);

        SandboxHarness.AssertError(error, "internal_server_error");
        var issued = Assert.Single(sandbox.Server.Store.LicensesOf(SandboxHarness.TokenA));
        Assert.Equal("jetpack-anti-spam", issued.ProductSlug);
        Assert.Equal(FaultKind.LostAnswerHttp500, Assert.Single(sandbox.Server.Requests).Fault);
    }

    [Fact]
    public async Task Lost_answer_as_dropped_connection_does_the_work_then_sends_nothing()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.Faults.LostAnswerRate = 1.0;
            o.Faults.LostAnswerMode = LostAnswerMode.DropConnection;
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.SendAsync(HttpMethod.Post, "license?product=jetpack-scan"));

        Assert.Equal(1, sandbox.Server.Store.CountOf(SandboxHarness.TokenA));
        var recorded = Assert.Single(sandbox.Server.Requests);
        Assert.Equal(0, recorded.StatusCode);
        Assert.Equal(FaultKind.LostAnswerDropConnection, recorded.Fault);
    }

    [Fact]
    public async Task Rate_limit_answers_429_with_retry_after_until_the_next_second()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.Faults.RateLimitPerSecond = 3;
        });

        for (var i = 0; i < 3; i++)
        {
            await sandbox.CallAsync(HttpMethod.Get, "licenses");
        }

        using var limited = await sandbox.SendAsync(HttpMethod.Post, "license?product=free");
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
        SandboxHarness.AssertError(System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement, "rate_limit_exceeded");
        Assert.Equal(0, sandbox.Server.Store.TotalCount);

        time.Advance(TimeSpan.FromSeconds(1));
        await sandbox.CallAsync(HttpMethod.Post, "license?product=free");
        Assert.Equal(1, sandbox.Server.Store.TotalCount);
    }

    [Fact]
    public async Task Fail_next_forces_exactly_that_many_faults_on_that_endpoint()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var faults = sandbox.Server.Faults;
        faults.FailNext(SandboxEndpoint.IssueLicense, 2, FaultKind.Failure);
        faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.LostAnswer);
        faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.RateLimited);

        await sandbox.CallAsync(HttpMethod.Get, "licenses");
        await sandbox.CallAsync(HttpMethod.Post, "license?product=free", 503);
        await sandbox.CallAsync(HttpMethod.Post, "license?product=free", 503);
        Assert.Equal(0, sandbox.Server.Store.TotalCount);
        await sandbox.CallAsync(HttpMethod.Post, "license?product=free", 500);
        Assert.Equal(1, sandbox.Server.Store.TotalCount);
        await sandbox.CallAsync(HttpMethod.Post, "license?product=free", 429);
        Assert.Equal(0, faults.PendingForcedFaults(SandboxEndpoint.IssueLicense));
        await sandbox.CallAsync(HttpMethod.Post, "license?product=free");
        Assert.Equal(2, sandbox.Server.Store.TotalCount);
    }

    [Fact]
    public async Task Fail_next_with_dropped_connection_on_revoke_still_revokes()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();
        sandbox.Server.Faults.FailNext(SandboxEndpoint.RevokeLicense, 1, FaultKind.LostAnswerDropConnection);

        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.SendAsync(HttpMethod.Delete, $"license?license_key={key}"));

        Assert.True(sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!.IsRevoked);
        SandboxHarness.AssertError(await sandbox.CallAsync(HttpMethod.Delete, $"license?license_key={key}", 400), "license_already_revoked");
    }

    [Fact]
    public async Task Reset_removes_every_fault()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.Faults.FailureRate = 1;
            o.Faults.LostAnswerRate = 1;
            o.Faults.RateLimitPerSecond = 1;
            o.Faults.SetFailureRate(SandboxEndpoint.ListLicenses, 1);
            o.Faults.FailNext(SandboxEndpoint.ListLicenses, 5, FaultKind.RateLimited);
        });

        sandbox.Server.Faults.Reset();

        for (var i = 0; i < 5; i++)
        {
            await sandbox.CallAsync(HttpMethod.Get, "licenses");
        }
    }

    [Fact]
    public void Rates_outside_zero_to_one_are_refused()
    {
        var faults = new FaultSettings();

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailureRate = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.SetLostAnswerRate(SandboxEndpoint.GetLicense, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.RateLimitPerSecond = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Latency = TimeSpan.FromSeconds(-1));
    }
}
