using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace JetpackWhmcs.Sandbox.Tests;

public sealed partial class LicenseLifecycleTests
{
    [GeneratedRegex("^jetpack-backup-daily_[A-Za-z0-9]{25}$")]
    private static partial Regex BackupDailyKey();

    [Fact]
    public async Task Issue_with_product_in_query_returns_a_new_licence_in_the_api_shape()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TimeProvider = time);

        var license = await sandbox.CallAsync(HttpMethod.Post, "license?product=jetpack-backup-daily");

        Assert.Matches(BackupDailyKey(), license.GetProperty("license_key").GetString());
        Assert.True(license.GetProperty("license_id").GetInt64() > int.MaxValue);
        Assert.Equal("2026-03-04 05:06:07", license.GetProperty("issued_at").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, license.GetProperty("revoked_at").ValueKind);
        var stored = Assert.Single(sandbox.Server.Store.LicensesOf(SandboxHarness.TokenA));
        Assert.Equal(license.GetProperty("license_key").GetString(), stored.LicenseKey);
        Assert.Equal("Jetpack Backup (Daily)", stored.ProductName);
    }

    [Fact]
    public async Task Issue_with_product_in_json_body_works_too()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var license = await sandbox.CallAsync(HttpMethod.Post, "license", json: """{"product":"jetpack-complete"}""");

        Assert.StartsWith("jetpack-complete_", license.GetProperty("license_key").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, sandbox.Server.Store.CountOf(SandboxHarness.TokenA));
    }

    [Theory]
    [InlineData("license?product=jetpack-nonsense")]
    [InlineData("license")]
    [InlineData("license?product=")]
    public async Task Issue_of_unknown_or_missing_product_is_400_invalid_product_and_issues_nothing(string path)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await sandbox.CallAsync(HttpMethod.Post, path, 400);

        SandboxHarness.AssertError(error, "invalid_product");
        Assert.Equal(0, sandbox.Server.Store.TotalCount);
    }

    [Fact]
    public async Task Issue_with_a_malformed_json_body_is_400_invalid_product_not_a_crash()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await sandbox.CallAsync(HttpMethod.Post, "license", 400, json: "{product: oops");

        SandboxHarness.AssertError(error, "invalid_product");
        Assert.Equal(0, sandbox.Server.Store.TotalCount);
    }

    [Fact]
    public async Task Error_messages_keep_apostrophes_readable()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.SendAsync(HttpMethod.Get, "license?license_key=free_nope");

        Assert.Contains("'free_nope'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_returns_the_licence_and_unknown_key_is_404_license_not_found()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();

        var license = await sandbox.CallAsync(HttpMethod.Get, $"license?license_key={key}");
        var missing = await sandbox.CallAsync(HttpMethod.Get, "license?license_key=jetpack-scan_nope", 404);
        var noKey = await sandbox.CallAsync(HttpMethod.Get, "license", 400);

        Assert.Equal(key, license.GetProperty("license_key").GetString());
        SandboxHarness.AssertError(missing, "license_not_found");
        SandboxHarness.AssertError(noKey, "rest_missing_callback_param");
    }

    [Fact]
    public async Task Revoke_sets_revoked_at_and_revoking_again_is_license_already_revoked()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TimeProvider = time);
        var key = await sandbox.IssueAsync();
        time.Advance(TimeSpan.FromMinutes(90));

        var revoked = await sandbox.CallAsync(HttpMethod.Delete, $"license?license_key={key}");
        var again = await sandbox.CallAsync(HttpMethod.Delete, $"license?license_key={key}", 400);
        var unknown = await sandbox.CallAsync(HttpMethod.Delete, "license?license_key=free_unknown", 404);

        Assert.Equal("2026-01-01 01:30:00", revoked.GetProperty("revoked_at").GetString());
        Assert.Equal("2026-01-01 00:00:00", revoked.GetProperty("issued_at").GetString());
        SandboxHarness.AssertError(again, "license_already_revoked");
        SandboxHarness.AssertError(unknown, "license_not_found");
        Assert.True(sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!.IsRevoked);
    }

    [Theory]
    [InlineData("https://Example.com/shop/", "https://example.com/shop")]
    [InlineData("example.com::shop::eu", "https://example.com/shop/eu")]
    [InlineData("http://blog.example.org", "http://blog.example.org")]
    public async Task Attach_by_url_or_formatted_site_sets_blog_id_siteurl_and_attached_at(string site, string expectedUrl)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();

        var attached = await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site?site={Uri.EscapeDataString(site)}");

        Assert.Equal(key, attached.GetProperty("license_key").GetString());
        var stored = sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!;
        Assert.Equal(expectedUrl, stored.SiteUrl);
        Assert.NotNull(stored.BlogId);
        Assert.NotNull(stored.AttachedAt);
        var item = (await sandbox.CallAsync(HttpMethod.Get, "licenses")).GetProperty("items")[0];
        Assert.Equal(expectedUrl, item.GetProperty("siteurl").GetString());
        Assert.Equal(stored.BlogId, item.GetProperty("blog_id").GetInt64());
    }

    [Fact]
    public async Task Attach_takes_site_from_json_body_and_numeric_blog_id_and_same_site_gets_the_same_blog_id()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var first = await sandbox.IssueAsync();
        var second = await sandbox.IssueAsync();
        var third = await sandbox.IssueAsync();

        await sandbox.CallAsync(HttpMethod.Post, $"license/{first}/site", json: """{"site":"https://shop.example.com"}""");
        await sandbox.CallAsync(HttpMethod.Post, $"license/{second}/site", json: """{"site":"shop.example.com"}""");
        var blogId = sandbox.Server.Store.Find(SandboxHarness.TokenA, first)!.BlogId!.Value;
        await sandbox.CallAsync(HttpMethod.Post, $"license/{third}/site?site={blogId}");

        Assert.Equal(blogId, sandbox.Server.Store.Find(SandboxHarness.TokenA, second)!.BlogId);
        var byId = sandbox.Server.Store.Find(SandboxHarness.TokenA, third)!;
        Assert.Equal(blogId, byId.BlogId);
        Assert.Equal("https://shop.example.com", byId.SiteUrl);
    }

    [Theory]
    [InlineData("not a site")]
    [InlineData("ftp://example.com")]
    [InlineData("-5")]
    [InlineData("example.com::")]
    public async Task Attach_to_an_invalid_site_is_400_invalid_site_and_changes_nothing(string site)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();

        var error = await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site?site={Uri.EscapeDataString(site)}", 400);

        SandboxHarness.AssertError(error, "invalid_site");
        Assert.False(sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!.IsAttached);
    }

    [Fact]
    public async Task Attach_without_site_is_400_and_attach_of_unknown_key_is_404()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();

        SandboxHarness.AssertError(await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site", 400), "rest_missing_callback_param");
        SandboxHarness.AssertError(await sandbox.CallAsync(HttpMethod.Post, "license/free_nope/site?site=example.com", 404), "license_not_found");
    }

    [Fact]
    public async Task Attach_of_a_revoked_licence_is_license_revoked()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();
        await sandbox.CallAsync(HttpMethod.Delete, $"license?license_key={key}");

        var error = await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site?site=example.com", 400);

        SandboxHarness.AssertError(error, "license_revoked");
        Assert.False(sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!.IsAttached);
    }

    [Fact]
    public async Task Attach_of_an_attached_licence_is_license_already_attached()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();
        await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site?site=one.example.com");

        var error = await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site?site=two.example.com", 400);

        SandboxHarness.AssertError(error, "license_already_attached");
        Assert.Equal("https://one.example.com", sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!.SiteUrl);
    }

    [Fact]
    public async Task Detach_clears_the_site_and_the_licence_can_be_attached_again()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();
        await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site?site=one.example.com");

        var detached = await sandbox.CallAsync(HttpMethod.Delete, $"license/{key}/site?cancellation_email=0");
        var afterDetach = sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!;
        await sandbox.CallAsync(HttpMethod.Post, $"license/{key}/site?site=two.example.com");

        Assert.Equal(key, detached.GetProperty("license_key").GetString());
        Assert.Null(afterDetach.BlogId);
        Assert.Null(afterDetach.SiteUrl);
        Assert.Null(afterDetach.AttachedAt);
        Assert.Equal("https://two.example.com", sandbox.Server.Store.Find(SandboxHarness.TokenA, key)!.SiteUrl);
    }

    [Fact]
    public async Task Detach_of_an_unattached_licence_is_license_not_attached_and_unknown_is_404()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var key = await sandbox.IssueAsync();

        SandboxHarness.AssertError(await sandbox.CallAsync(HttpMethod.Delete, $"license/{key}/site", 400), "license_not_attached");
        SandboxHarness.AssertError(await sandbox.CallAsync(HttpMethod.Delete, "license/free_nope/site", 404), "license_not_found");
        SandboxHarness.AssertError(await sandbox.CallAsync(HttpMethod.Delete, $"license/{key}/site?cancellation_email=maybe", 400), "rest_invalid_param");
    }

    [Fact]
    public async Task Direct_store_changes_are_visible_through_the_api()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var seeded = sandbox.Server.Store.IssueDirect(SandboxHarness.TokenA, "jetpack-scan");
        sandbox.Server.Store.AttachDirect(SandboxHarness.TokenA, seeded.LicenseKey, "https://behind.example.com");

        var page = await sandbox.CallAsync(HttpMethod.Get, "licenses?filter=attached");

        Assert.Equal(seeded.LicenseKey, page.GetProperty("items")[0].GetProperty("license_key").GetString());
        Assert.Throws<ArgumentException>(() => sandbox.Server.Store.IssueDirect(SandboxHarness.TokenA, "nope"));
        Assert.Throws<InvalidOperationException>(() => sandbox.Server.Store.DetachDirect(SandboxHarness.TokenA, "free_missing"));
    }
}
