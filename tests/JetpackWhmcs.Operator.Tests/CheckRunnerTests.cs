using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Operator.Drift;

namespace JetpackWhmcs.Operator.Tests;

public sealed class CheckRunnerTests
{
    [Fact]
    public async Task A_run_in_the_background_shows_its_progress_to_a_page_opened_later_and_only_one_runs()
    {
        HeldWhmcs? held = null;
        await using var h = await OperatorHarness.StartAsync(w => held = new HeldWhmcs(w));
        await DriftTests.SeedAsync(h);

        var start = await h.Runner.StartAsync(CheckKind.Manual, "admin 3 (alice)");
        await held!.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        // The admin left the page; another request (another store, as a page load makes) reads the run.
        var later = LedgerFactory.CreateOperatorStore(h.Database.ConnectionString);
        var midway = await later.GetCheckAsync(start.CheckId);
        var second = await h.Runner.StartAsync(CheckKind.Manual, "admin 4 (bob)");

        Assert.True(start.Started);
        Assert.Equal((CheckStatus.Running, 1, 2, "admin 3 (alice)"), (midway!.Status, midway.ProgressDone, midway.ProgressTotal, midway.Actor));
        Assert.Equal(new Checks.CheckStart(false, start.CheckId), second);

        held.Release();
        await h.Runner.WhenIdleAsync();
        var finished = await later.GetCheckAsync(start.CheckId);
        Assert.Equal((CheckStatus.Finished, 2, 2), (finished!.Status, finished.ProgressDone, finished.ProgressTotal));
        Assert.Equal(6, DriftJson.ReadCounts(finished.CountsJson).Total);
        Assert.Equal(6, DriftJson.ReadFindings(finished.FindingsJson).Count);
        Assert.True((await h.Runner.StartAsync(CheckKind.Manual, "admin 4 (bob)")).Started);
    }

    [Fact]
    public async Task A_check_records_the_days_partner_prices_once()
    {
        await using var h = await OperatorHarness.StartAsync();

        await DriftTests.RunStoredCheckAsync(h);
        await DriftTests.RunStoredCheckAsync(h);

        var prices = await h.Store.ListPricesAsync();
        Assert.Contains(prices, p => p is { ProductSlug: "jetpack-scan", Amount: 4.95m, Currency: "usd", Interval: "month" });
        Assert.Single(prices, p => p.ProductSlug == "jetpack-scan");
        Assert.All(prices, p => Assert.Equal(DateOnly.FromDateTime(h.Time.GetUtcNow().UtcDateTime), p.Day));
    }

    [Fact]
    public async Task A_token_the_api_refuses_is_a_problem_sentence_and_the_other_checks_still_run()
    {
        await using var h = await OperatorHarness.StartAsync();
        h.Tokens.Remember("not-a-partner-token");

        var check = await DriftTests.RunStoredCheckAsync(h);

        var problem = Assert.Single(DriftJson.ReadCounts(check.CountsJson).Problems);
        Assert.Contains("Jetpack refused to list the licences of this token", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-partner-token", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-partner-token", check.CountsJson + check.FindingsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_stores_at_most_the_cap_of_findings_while_its_counts_cover_all()
    {
        await using var h = await OperatorHarness.StartAsync();
        for (var i = 0; i <= Checks.CheckRunner.MaxStoredFindings; i++)
        {
            h.Sandbox.Store.IssueDirect(OperatorHarness.Token, "jetpack-scan");
        }

        var check = await DriftTests.RunStoredCheckAsync(h);

        var counts = DriftJson.ReadCounts(check.CountsJson);
        Assert.Equal((Checks.CheckRunner.MaxStoredFindings + 1, Checks.CheckRunner.MaxStoredFindings), (counts.Total, counts.Stored));
        Assert.Equal(Checks.CheckRunner.MaxStoredFindings, DriftJson.ReadFindings(check.FindingsJson).Count);
    }
}
