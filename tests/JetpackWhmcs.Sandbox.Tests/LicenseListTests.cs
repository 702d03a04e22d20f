using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace JetpackWhmcs.Sandbox.Tests;

public sealed class LicenseListTests
{
    [Theory]
    [InlineData("asc", 7)]
    [InlineData("desc", 100)]
    [InlineData("desc", 33)]
    public async Task Paging_over_250_licences_returns_each_exactly_once_in_order(string direction, int perPage)
    {
        // Every licence issued in the same second: the order rests entirely on the id tiebreak.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TimeProvider = time);
        for (var i = 0; i < 250; i++)
        {
            sandbox.Server.Store.IssueDirect(SandboxHarness.TokenA, i % 2 == 0 ? "jetpack-scan" : "jetpack-anti-spam");
        }

        var seen = new List<long>();
        var expectedPages = (250 + perPage - 1) / perPage;
        for (var page = 1; page <= expectedPages; page++)
        {
            var body = await sandbox.CallAsync(HttpMethod.Get, $"licenses?sort_direction={direction}&page={page}&per_page={perPage}");
            Assert.Equal(page, body.GetProperty("current_page").GetInt32());
            Assert.Equal(perPage, body.GetProperty("items_per_page").GetInt32());
            Assert.Equal(250, body.GetProperty("total_items").GetInt32());
            Assert.Equal(expectedPages, body.GetProperty("total_pages").GetInt32());
            var items = body.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(items.Count, body.GetProperty("current_items").GetInt32());
            Assert.Equal(page < expectedPages ? perPage : 250 - (perPage * (expectedPages - 1)), items.Count);
            seen.AddRange(items.Select(i => i.GetProperty("license_id").GetInt64()));
        }

        var beyond = await sandbox.CallAsync(HttpMethod.Get, $"licenses?page={expectedPages + 1}&per_page={perPage}");
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());

        var all = sandbox.Server.Store.LicensesOf(SandboxHarness.TokenA).Select(l => l.LicenseId).ToList();
        Assert.Equal(250, seen.Distinct().Count());
        Assert.Equal(direction == "asc" ? all.Order() : all.OrderDescending(), seen);
    }

    [Fact]
    public async Task Default_is_issued_at_descending_100_per_page_and_items_carry_the_list_fields()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TimeProvider = time);
        var older = sandbox.Server.Store.IssueDirect(SandboxHarness.TokenA, "jetpack-backup-realtime");
        time.Advance(TimeSpan.FromHours(1));
        var newer = sandbox.Server.Store.IssueDirect(SandboxHarness.TokenA, "free");

        var body = await sandbox.CallAsync(HttpMethod.Get, "licenses");

        Assert.Equal(100, body.GetProperty("items_per_page").GetInt32());
        Assert.Equal(1, body.GetProperty("current_page").GetInt32());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([newer.LicenseKey, older.LicenseKey], items.Select(i => i.GetProperty("license_key").GetString()));
        var item = items[1];
        Assert.Equal(older.LicenseId, item.GetProperty("license_id").GetInt64());
        Assert.Equal("Jetpack Backup (Real-time)", item.GetProperty("product").GetString());
        Assert.Equal(2102, item.GetProperty("product_id").GetInt64());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("blog_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("siteurl").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("attached_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("revoked_at").ValueKind);
        Assert.Equal("2026-05-01 12:00:00", item.GetProperty("issued_at").GetString());
        Assert.Equal("jetpack_partner_key", item.GetProperty("owner_type").GetString());
    }

    [Fact]
    public async Task Filters_select_not_revoked_attached_detached_and_revoked()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var store = sandbox.Server.Store;
        var plain = store.IssueDirect(SandboxHarness.TokenA, "jetpack-scan");
        var attached = store.IssueDirect(SandboxHarness.TokenA, "jetpack-scan");
        store.AttachDirect(SandboxHarness.TokenA, attached.LicenseKey, "https://a.example.com");
        var detached = store.IssueDirect(SandboxHarness.TokenA, "jetpack-scan");
        store.AttachDirect(SandboxHarness.TokenA, detached.LicenseKey, "https://d.example.com");
        store.DetachDirect(SandboxHarness.TokenA, detached.LicenseKey);
        var revoked = store.IssueDirect(SandboxHarness.TokenA, "jetpack-scan");
        store.RevokeDirect(SandboxHarness.TokenA, revoked.LicenseKey);

        async Task<string[]> Keys(string filter) =>
            [.. (await sandbox.CallAsync(HttpMethod.Get, $"licenses?filter={filter}&sort_direction=asc"))
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("license_key").GetString()!)];

        Assert.Equal([plain.LicenseKey, attached.LicenseKey, detached.LicenseKey], await Keys("not_revoked"));
        Assert.Equal([attached.LicenseKey], await Keys("attached"));
        Assert.Equal([plain.LicenseKey, detached.LicenseKey], await Keys("detached"));
        Assert.Equal([revoked.LicenseKey], await Keys("revoked"));
    }

    [Fact]
    public async Task Search_matches_part_of_a_key_or_a_site_url()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var store = sandbox.Server.Store;
        var scan = store.IssueDirect(SandboxHarness.TokenA, "jetpack-scan");
        var backup = store.IssueDirect(SandboxHarness.TokenA, "jetpack-backup-daily");
        store.AttachDirect(SandboxHarness.TokenA, backup.LicenseKey, "https://bakery.example.com/shop");

        var byKey = await sandbox.CallAsync(HttpMethod.Get, $"licenses?search={scan.LicenseKey[^10..]}");
        var bySite = await sandbox.CallAsync(HttpMethod.Get, "licenses?search=bakery.example");
        var none = await sandbox.CallAsync(HttpMethod.Get, "licenses?search=zzz-nothing");

        Assert.Equal(scan.LicenseKey, Assert.Single(byKey.GetProperty("items").EnumerateArray()).GetProperty("license_key").GetString());
        Assert.Equal(backup.LicenseKey, Assert.Single(bySite.GetProperty("items").EnumerateArray()).GetProperty("license_key").GetString());
        Assert.Equal(0, none.GetProperty("total_items").GetInt32());
        Assert.Equal(0, none.GetProperty("total_pages").GetInt32());
    }

    [Fact]
    public async Task Sort_by_attached_at_and_revoked_at_follows_those_dates_not_the_issue_order()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TimeProvider = time);
        var store = sandbox.Server.Store;
        var (a, b, c, d) = (Issue(), Issue(), Issue(), Issue());
        time.Advance(TimeSpan.FromMinutes(1));
        store.AttachDirect(SandboxHarness.TokenA, c, "c.example.com");
        store.RevokeDirect(SandboxHarness.TokenA, d);
        time.Advance(TimeSpan.FromMinutes(1));
        store.AttachDirect(SandboxHarness.TokenA, b, "b.example.com");
        store.RevokeDirect(SandboxHarness.TokenA, a);

        async Task<string[]> Keys(string query) =>
            [.. (await sandbox.CallAsync(HttpMethod.Get, "licenses?" + query))
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("license_key").GetString()!)];

        Assert.Equal([b, c], await Keys("filter=attached&sort_field=attached_at&sort_direction=desc"));
        Assert.Equal([c, b], await Keys("filter=attached&sort_field=attached_at&sort_direction=asc"));
        Assert.Equal([d, a], await Keys("filter=revoked&sort_field=revoked_at&sort_direction=asc"));
        Assert.Equal([a, d], await Keys("filter=revoked&sort_field=revoked_at&sort_direction=desc"));
        Assert.Equal([d, c, b, a], await Keys("sort_field=issued_at"));

        string Issue() => store.IssueDirect(SandboxHarness.TokenA, "jetpack-scan").LicenseKey;
    }

    [Theory]
    [InlineData("filter=gone")]
    [InlineData("sort_field=name")]
    [InlineData("sort_direction=up")]
    [InlineData("page=0")]
    [InlineData("page=x")]
    [InlineData("per_page=0")]
    [InlineData("per_page=101")]
    [InlineData("per_page=-3")]
    public async Task Bad_list_parameters_are_400_rest_invalid_param(string query)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await sandbox.CallAsync(HttpMethod.Get, "licenses?" + query, 400);

        SandboxHarness.AssertError(error, "rest_invalid_param");
        Assert.Contains(query.Split('=')[0], error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
