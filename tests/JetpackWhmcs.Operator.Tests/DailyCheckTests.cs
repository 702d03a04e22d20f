using JetpackWhmcs.Ledger.OperatorData;

namespace JetpackWhmcs.Operator.Tests;

public sealed class DailyCheckTests
{
    [Fact]
    public async Task A_daily_check_with_findings_gives_one_notice_naming_the_counts_and_the_page_and_only_once()
    {
        await using var h = await OperatorHarness.StartAsync();
        await DriftTests.SeedAsync(h);

        var (start, before) = await h.Daily.StartAsync();
        await h.Runner.WhenIdleAsync();
        var notices = await h.Notices.TakeAsync();
        var again = await h.Notices.TakeAsync();

        Assert.True(start.Started);
        Assert.Empty(before);
        var notice = Assert.Single(notices);
        Assert.Empty(again);
        Assert.StartsWith("Jetpack daily check: 6 finding(s) (1 licence(s) unknown to WHMCS, 1 licence(s) revoked outside WHMCS, 1 licence(s) missing on Jetpack, 1 pending claim(s), 1 terminated or cancelled service(s) with a live licence, 1 active service(s) without a licence)", notice.Activity, StringComparison.Ordinal);
        Assert.Contains("page=drift", notice.Activity, StringComparison.Ordinal);
        Assert.Equal("Jetpack: 6 licence finding(s) in the daily check", notice.Subject);
        Assert.Contains("- 1 active service(s) without a licence\n", notice.Message, StringComparison.Ordinal);
        Assert.Contains("Addons > Jetpack > Drift", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manual_check_or_a_daily_check_without_findings_gives_no_notice()
    {
        await using var h = await OperatorHarness.StartAsync();

        await DriftTests.RunStoredCheckAsync(h, CheckKind.Daily);
        await DriftTests.SeedAsync(h);
        await DriftTests.RunStoredCheckAsync(h, CheckKind.Manual);

        Assert.Empty(await h.Notices.TakeAsync());
        Assert.Equal(2, (await h.Store.ListChecksAsync(10)).Count(c => c.Notified));
    }

    [Fact]
    public async Task The_cron_is_not_kept_waiting_and_a_second_daily_start_while_one_runs_starts_nothing()
    {
        HeldWhmcs? held = null;
        await using var h = await OperatorHarness.StartAsync(w => held = new HeldWhmcs(w));

        var (first, _) = await h.Daily.StartAsync();
        await held!.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var (second, _) = await h.Daily.StartAsync();
        held.Release();

        Assert.True(first.Started);
        Assert.False(second.Started);
        Assert.Equal(first.CheckId, second.CheckId);
    }
}
