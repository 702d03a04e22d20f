using JetpackWhmcs.Ledger.OperatorData;

namespace JetpackWhmcs.Ledger.Tests;

public sealed class OperatorStoreTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    public static TheoryData<LedgerProvider> Providers => [LedgerProvider.Sqlite, LedgerProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Prices_are_stored_once_a_day_per_token_and_product_with_exact_amounts(LedgerProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var store = LedgerFactory.CreateOperatorStore(database.ConnectionString);
        var day = new DateOnly(2026, 12, 1);
        PartnerPrice Price(DateOnly d, decimal amount, string slug = "jetpack-scan") => new(d, "fp-1", slug, "Jetpack Scan", "usd", amount, "month");

        Assert.Equal(2, await store.RecordPricesAsync([Price(day, 4.95m), Price(day, 0.1234m, "jetpack-anti-spam")]));
        Assert.Equal(0, await store.RecordPricesAsync([Price(day, 5.95m)]));
        Assert.Equal(1, await store.RecordPricesAsync([Price(day.AddDays(1), 5.95m)]));

        Assert.Equal(
            [Price(day, 0.1234m, "jetpack-anti-spam"), Price(day, 4.95m), Price(day.AddDays(1), 5.95m)],
            await store.ListPricesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Only_one_check_runs_at_a_time_across_store_instances_and_a_finished_one_frees_the_place(LedgerProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var first = LedgerFactory.CreateOperatorStore(database.ConnectionString);
        var second = LedgerFactory.CreateOperatorStore(database.ConnectionString);

        var starts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).TryStartCheckAsync(CheckKind.Manual, "admin 1 (a)", Now, Now.AddMinutes(-5))));
        var running = Assert.Single(starts, s => s is not null)!;
        await second.ReportProgressAsync(running.Id, 3, 7, Now.AddSeconds(10));
        var seen = await first.GetCheckAsync(running.Id);

        Assert.Equal((CheckStatus.Running, 3, 7, "admin 1 (a)", Now.AddSeconds(10)), (seen!.Status, seen.ProgressDone, seen.ProgressTotal, seen.Actor, seen.UpdatedAt));
        Assert.True(await first.FinishCheckAsync(running.Id, new CheckOutcome(CheckStatus.Finished, "{\"total\":1}", "[{\"id\":\"x\"}]", null, NeedsNotice: false), Now.AddMinutes(1)));
        Assert.False(await first.FinishCheckAsync(running.Id, new CheckOutcome(CheckStatus.Failed, "{}", "[]", "late", false), Now.AddMinutes(2)));
        var next = await second.TryStartCheckAsync(CheckKind.Daily, "cron", Now.AddMinutes(3), Now.AddMinutes(-2));
        Assert.NotNull(next);
        var history = await first.ListChecksAsync(10);
        Assert.Equal([next!.Id, running.Id], history.Select(c => c.Id));
        Assert.Equal("[]", history[1].FindingsJson);
        Assert.Equal("[{\"id\":\"x\"}]", (await first.GetCheckAsync(running.Id))!.FindingsJson);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_check_whose_process_stopped_reporting_is_abandoned_by_the_next_start_and_not_before(LedgerProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var store = LedgerFactory.CreateOperatorStore(database.ConnectionString);
        var dead = await store.TryStartCheckAsync(CheckKind.Manual, "admin 1 (a)", Now, Now.AddMinutes(-5));
        await store.ReportProgressAsync(dead!.Id, 1, 4, Now.AddMinutes(1));

        Assert.Null(await store.TryStartCheckAsync(CheckKind.Manual, "admin 2 (b)", Now.AddMinutes(5), Now.AddMinutes(0)));
        var next = await store.TryStartCheckAsync(CheckKind.Manual, "admin 2 (b)", Now.AddMinutes(7), Now.AddMinutes(2));

        Assert.NotNull(next);
        var abandoned = await store.GetCheckAsync(dead.Id);
        Assert.Equal(CheckStatus.Abandoned, abandoned!.Status);
        Assert.Contains("start a new one", abandoned.Error, StringComparison.Ordinal);
        Assert.False(await store.FinishCheckAsync(dead.Id, new CheckOutcome(CheckStatus.Finished, "{}", "[]", null, false), Now.AddMinutes(8)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Findings_are_replaced_only_when_they_are_still_what_the_writer_read(LedgerProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var store = LedgerFactory.CreateOperatorStore(database.ConnectionString);
        var check = await store.TryStartCheckAsync(CheckKind.Manual, "admin 1 (a)", Now, Now.AddMinutes(-5));
        await store.FinishCheckAsync(check!.Id, new CheckOutcome(CheckStatus.Finished, "{}", "[{\"id\":\"a\"},{\"id\":\"b\"}]", null, false), Now);
        var read = (await store.GetCheckAsync(check.Id))!.FindingsJson;

        // Two admins read the same findings and each marks one: the second write sees the first's and must read again.
        Assert.True(await store.ReplaceFindingsAsync(check.Id, read, "[{\"id\":\"a\",\"fixedBy\":\"admin 1 (a)\"},{\"id\":\"b\"}]"));
        Assert.False(await store.ReplaceFindingsAsync(check.Id, read, "[{\"id\":\"a\"},{\"id\":\"b\",\"fixedBy\":\"admin 2 (b)\"}]"));
        Assert.Contains("admin 1 (a)", (await store.GetCheckAsync(check.Id))!.FindingsJson, StringComparison.Ordinal);
        Assert.False(await store.ReplaceFindingsAsync(check.Id + 1, read, "[]"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_check_that_needs_a_notice_is_handed_out_once_however_many_take_at_once(LedgerProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var store = LedgerFactory.CreateOperatorStore(database.ConnectionString);
        foreach (var needsNotice in new[] { true, false })
        {
            var check = await store.TryStartCheckAsync(CheckKind.Daily, "cron", Now, Now.AddMinutes(-5));
            await store.FinishCheckAsync(check!.Id, new CheckOutcome(CheckStatus.Finished, "{}", "[]", null, needsNotice), Now);
        }

        var takers = Enumerable.Range(0, 4).Select(_ => LedgerFactory.CreateOperatorStore(database.ConnectionString)).ToList();
        var taken = await Task.WhenAll(takers.Select(t => t.TakeUnnotifiedAsync()));

        Assert.Single(taken.SelectMany(t => t));
        Assert.True(taken.SelectMany(t => t).Single().Notified);
        Assert.Empty(await store.TakeUnnotifiedAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Billed_licences_are_counted_per_product_active_unassigned_and_unrevoked_original_rows(LedgerProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var ledger = database.Ledger;
        await ledger.TryRecordExistingAsync(LicenseOwner.Service(1), 1, 1, new IssuedLicense("k1", 1, Now, "jetpack-scan"), "fp", Now);
        await ledger.TryRecordExistingAsync(LicenseOwner.Service(2), 2, 1, new IssuedLicense("k2", 2, Now, "jetpack-scan"), "fp", Now);
        await ledger.TryRecordExistingAsync(LicenseOwner.Service(3), 3, 1, new IssuedLicense("k3", 3, Now, "jetpack-scan"), "fp", Now);
        await ledger.MarkRevokedAsync((await ledger.FindByKeyAsync("k3"))!.Id, Now, Now);
        await ledger.RecordUnassignedAsync(new UnassignedLicense { License = new IssuedLicense("k4", 4, Now, "jetpack-anti-spam"), ProductSlug = "jetpack-anti-spam", TokenFingerprint = "fp", Note = "kept by the test", Now = Now });
        await database.ExecuteAsync($"INSERT INTO {LedgerSchema.LicensesTable} (order_id, product_id, license_key, issued_at) VALUES (9, 9, 'legacy', @Now)", new { Now });
        await database.ExecuteAsync($"INSERT INTO {LedgerSchema.LicensesTable} (order_id, product_id, license_key, issued_at, revoked_at) VALUES (9, 9, 'legacy-gone', @Now, @Now)", new { Now });

        var counts = await LedgerFactory.CreateOperatorStore(database.ConnectionString).CountBilledLicensesByProductAsync();

        Assert.Equal(new Dictionary<string, long> { ["jetpack-scan"] = 2, ["jetpack-anti-spam"] = 1, [""] = 1 }, counts);
    }
}
