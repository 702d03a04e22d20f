using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Sql;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>The admin licence list: keyset pages, search by each field, filters, both orders.</summary>
public abstract partial class LedgerTests
{
    private async Task<long> RecordAsync(LicenseOwner? owner, string key, string slug = "jetpack-backup-t1", string? site = null, string fingerprint = "fp-1", bool revoked = false)
    {
        Assert.True(await Ledger.TryRecordExistingAsync(
            owner,
            orderId: 10,
            productId: 4,
            new IssuedLicense(key, 1, T0, slug, revoked ? T0.AddDays(1) : null, site, site is null ? null : T0),
            fingerprint,
            T0));
        return (await Ledger.FindByKeyAsync(key))!.Id;
    }

    private async Task<List<long>> AllPagesAsync(LicensePageQuery query)
    {
        var ids = new List<long>();
        long? after = null;
        while (true)
        {
            var page = await Ledger.ListPageAsync(query with { After = after });
            ids.AddRange(page.Select(r => r.Id));
            if (page.Count < query.Limit)
            {
                return ids;
            }

            after = page[^1].Id;
        }
    }

    [Fact]
    public async Task Keyset_pages_return_every_row_once_in_both_orders()
    {
        await Ledger.MigrateAsync();
        var ids = new List<long>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add(await RecordAsync(LicenseOwner.Service(100 + i), $"KEY-{i:D3}"));
        }

        var newest = await AllPagesAsync(new LicensePageQuery { Limit = 5 });
        var oldest = await AllPagesAsync(new LicensePageQuery { Limit = 5, NewestFirst = false });

        Assert.Equal(ids.OrderByDescending(i => i), newest);
        Assert.Equal(ids.OrderBy(i => i), oldest);
    }

    [Fact]
    public async Task A_row_inserted_between_pages_never_moves_another_row_onto_two_pages_or_off_all_of_them()
    {
        await Ledger.MigrateAsync();
        var before = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            before.Add(await RecordAsync(LicenseOwner.Service(200 + i), $"KEY-B{i:D2}"));
        }

        var seen = new List<long>();
        var first = await Ledger.ListPageAsync(new LicensePageQuery { Limit = 5 });
        seen.AddRange(first.Select(r => r.Id));
        // New licences arrive while the admin reads page one: newest first, they sort before the cursor.
        await RecordAsync(LicenseOwner.Service(300), "KEY-NEW-1");
        var second = await Ledger.ListPageAsync(new LicensePageQuery { Limit = 5, After = first[^1].Id });
        seen.AddRange(second.Select(r => r.Id));
        await RecordAsync(LicenseOwner.Service(301), "KEY-NEW-2");
        var third = await Ledger.ListPageAsync(new LicensePageQuery { Limit = 5, After = second[^1].Id });
        seen.AddRange(third.Select(r => r.Id));

        Assert.Equal(before.OrderByDescending(i => i), seen);
    }

    [Fact]
    public async Task Search_finds_rows_by_key_prefix_site_service_addon_and_service_list()
    {
        await Ledger.MigrateAsync();
        var service = await RecordAsync(LicenseOwner.Service(41), "JPK-ALPHA-1", site: "https://shop.example.com");
        var addon = await RecordAsync(LicenseOwner.Addon(7), "JPK-BETA-2", site: "http://blog.example.org/news");
        var other = await RecordAsync(LicenseOwner.Service(42), "OTHER-3", site: "https://example.net");

        async Task<long[]> Ids(LicensePageQuery q) => [.. (await Ledger.ListPageAsync(q)).Select(r => r.Id)];

        Assert.Equal([addon, service], await Ids(new() { KeyPrefix = "JPK-" }));
        Assert.Equal([service], await Ids(new() { KeyPrefix = "JPK-ALPHA" }));
        Assert.Empty(await Ids(new() { KeyPrefix = "JPK-%" }));
        Assert.Empty(await Ids(new() { KeyPrefix = "JPK_" }));
        Assert.Equal([service], await Ids(new() { SitePrefix = "shop.example" }));
        Assert.Equal([addon], await Ids(new() { SitePrefix = "blog.example.org/ne" }));
        Assert.Equal([other], await Ids(new() { SitePrefix = "https://example.n" }));
        Assert.Equal([service], await Ids(new() { ServiceId = 41 }));
        Assert.Equal([addon], await Ids(new() { AddonId = 7 }));
        Assert.Equal([other, service], await Ids(new() { ServiceIds = [41, 42, 999] }));
        Assert.Empty(await Ids(new() { ServiceIds = [] }));
    }

    [Fact]
    public async Task A_prefix_matching_more_rows_than_the_broad_search_bound_still_pages_every_match_once()
    {
        await Ledger.MigrateAsync();
        var broad = new List<long>();
        for (var i = 0; i < 1010; i++)
        {
            broad.Add(await RecordAsync(LicenseOwner.Service(10_000 + i), $"BROAD-{i:D4}", site: $"https://wide{i}.example"));
            if (i % 100 == 0)
            {
                await RecordAsync(LicenseOwner.Service(20_000 + i), $"NARROW-{i:D4}");
            }
        }

        Assert.Equal(broad.OrderByDescending(i => i), await AllPagesAsync(new LicensePageQuery { KeyPrefix = "BROAD-", Limit = 300 }));
        Assert.Equal(broad, await AllPagesAsync(new LicensePageQuery { SitePrefix = "wide", Limit = 300, NewestFirst = false }));
        var everyRow = await AllPagesAsync(new LicensePageQuery { Limit = 500 });
        Assert.Equal(everyRow, await AllPagesAsync(new LicensePageQuery { State = LicenseState.Active, ProductSlug = "jetpack-backup-t1", TokenFingerprint = "fp-1", Limit = 300 }));
        Assert.Equal(broad.OrderByDescending(i => i), await AllPagesAsync(new LicensePageQuery { KeyPrefix = "BROAD-", State = LicenseState.Active, TokenFingerprint = "fp-1", Limit = 300 }));
        Assert.Equal(broad.Where((_, i) => i % 2 == 0).OrderByDescending(i => i).Take(5), (await Ledger.ListPageAsync(new LicensePageQuery { KeyPrefix = "BROAD-", ServiceIds = [.. Enumerable.Range(0, 1010).Where(i => i % 2 == 0).Select(i => 10_000L + i)], Limit = 5 })).Select(r => r.Id));
    }

    [Fact]
    public async Task Filters_by_state_product_and_token_include_the_original_modules_rows_by_their_revocation()
    {
        await OriginalModule.CreateTableAsync(Db);
        var legacyActive = await OriginalModule.InsertRowAsync(Db, 10, 3, "LEGACY-ACTIVE", "2024-01-01 00:00:00");
        var legacyRevoked = await OriginalModule.InsertRowAsync(Db, 10, 3, "LEGACY-REVOKED", "2024-01-01 00:00:00");
        await OriginalModule.RevokeRowAsync(Db, legacyRevoked, "2024-02-01 00:00:00");
        await Ledger.MigrateAsync();
        var active = await RecordAsync(LicenseOwner.Service(1), "K-1", slug: "jetpack-scan", fingerprint: "fp-a");
        var revoked = await RecordAsync(null, "K-2", slug: "jetpack-scan", fingerprint: "fp-b", revoked: true);
        var otherProduct = await RecordAsync(LicenseOwner.Service(3), "K-3", slug: "jetpack-anti-spam", fingerprint: "fp-a");

        async Task<long[]> Ids(LicensePageQuery q) => [.. (await Ledger.ListPageAsync(q)).Select(r => r.Id)];

        Assert.Equal([otherProduct, active, legacyActive], await Ids(new() { State = LicenseState.Active }));
        Assert.Equal([revoked, legacyRevoked], await Ids(new() { State = LicenseState.Revoked }));
        Assert.Empty(await Ids(new() { State = LicenseState.Pending }));
        Assert.Equal([revoked, active], await Ids(new() { ProductSlug = "jetpack-scan" }));
        Assert.Equal([otherProduct, active], await Ids(new() { TokenFingerprint = "fp-a" }));
        Assert.Equal([active], await Ids(new() { TokenFingerprint = "fp-a", ProductSlug = "jetpack-scan", State = LicenseState.Active }));
        // The merge of our rows and the original's keeps the order and the page size across both.
        Assert.Equal([otherProduct, active], await Ids(new() { State = LicenseState.Active, Limit = 2 }));
        Assert.Equal([legacyActive], await Ids(new() { State = LicenseState.Active, Limit = 2, After = active }));
        Assert.Equal([legacyActive, active], await Ids(new() { State = LicenseState.Active, Limit = 2, NewestFirst = false }));
    }

    [Fact]
    public async Task Every_narrow_page_query_is_served_by_an_index_and_a_broad_one_by_the_primary_key()
    {
        await Ledger.MigrateAsync();
        await SeedAsync();
        var ledger = (SqlLicenseLedger)Ledger;

        async Task AssertPlan(string what, LicensePageQuery query, bool broad)
        {
            foreach (var (sql, parameters) in LicensePageSql.Build(query, ledger.Search, broad))
            {
                await AssertUsesIndexAsync(what, sql, parameters);
            }
        }

        await AssertPlan("key prefix", new LicensePageQuery { KeyPrefix = "KEY-123" }, broad: false);
        await AssertPlan("pending, deep", new LicensePageQuery { State = LicenseState.Pending, After = 10_000 }, broad: false);
        await AssertPlan("revoked (ours and the original's)", new LicensePageQuery { State = LicenseState.Revoked }, broad: false);
        await AssertPlan("service", new LicensePageQuery { ServiceId = 5003 }, broad: false);
        await AssertPlan("client's services", new LicensePageQuery { ServiceIds = [5003, 5004, 5005] }, broad: false);
        await AssertPlan("addon", new LicensePageQuery { AddonId = 5001, State = LicenseState.Active }, broad: false);
        await AssertPlan("broad prefix, deep", new LicensePageQuery { KeyPrefix = "KEY-", After = 10_000 }, broad: true);
        await AssertPlan("broad prefix, oldest first, deep", new LicensePageQuery { KeyPrefix = "KEY-", After = 10_000, NewestFirst = false }, broad: true);
        // The probes count from each predicate's own index.
        foreach (var (sql, parameters) in LicensePageSql.Probes(new LicensePageQuery { KeyPrefix = "KEY-", State = LicenseState.Active }, ledger.Search))
        {
            await AssertUsesIndexAsync("probe", sql, parameters);
        }
    }

    [Fact]
    public async Task Migration_7_creates_the_indexes_of_the_licence_list()
    {
        await Ledger.MigrateAsync();

        var indexes = Provider == LedgerProvider.MySql
            ? await Db.QueryAsync<string>("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'jetpack_product_licenses'")
            : await Db.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jetpack_product_licenses'");

        foreach (var name in new[] { LedgerSchema.Indexes.StateId, LedgerSchema.Indexes.ProductSlugId, LedgerSchema.Indexes.TokenFingerprintId, LedgerSchema.Indexes.AttachedSite })
        {
            Assert.Contains(name, indexes);
        }
    }
}
