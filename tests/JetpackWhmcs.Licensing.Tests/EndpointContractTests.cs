using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Sandbox;
using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>Every endpoint over real HTTP: what the client sent and every field of what came back.</summary>
public sealed class EndpointContractTests
{
    [Fact]
    public async Task IssueLicense_sends_product_in_the_query_and_the_body_and_returns_the_new_licence()
    {
        await using var h = await StartAsync();

        var license = await h.Client.IssueLicenseAsync(TokenA, "jetpack-scan");

        AssertSent(h.SingleRequest(), "POST", "license", "?product=jetpack-scan", TokenA, """{"product":"jetpack-scan"}""");
        var stored = Assert.Single(h.Server.Store.LicensesOf(TokenA));
        Assert.Equal(stored.LicenseId, license.LicenseId);
        Assert.True(license.LicenseId > int.MaxValue);
        Assert.Equal(stored.LicenseKey, license.LicenseKey);
        Assert.StartsWith("jetpack-scan_", license.LicenseKey, StringComparison.Ordinal);
        Assert.Equal("jetpack-scan", license.ProductSlugFromKey);
        Assert.Equal(Timestamp(stored.IssuedAt), license.IssuedAt);
        Assert.Null(license.RevokedAt);
        Assert.False(license.IsRevoked);
        // The single-licence shape carries no list-only fields.
        Assert.Null(license.AttachedAt);
        Assert.Null(license.BlogId);
        Assert.Null(license.SiteUrl);
        Assert.Null(license.Product);
        Assert.Null(license.ProductId);
        Assert.Null(license.OwnerType);
        Assert.False(license.IsAttached);
    }

    [Fact]
    public async Task GetLicense_sends_the_key_in_the_query_escaped()
    {
        await using var h = await StartAsync();
        var stored = h.Server.Store.IssueDirect(TokenA, "jetpack-backup-daily");

        var license = await h.Client.GetLicenseAsync(TokenA, stored.LicenseKey);

        AssertSent(h.SingleRequest(), "GET", "license", $"?license_key={stored.LicenseKey}", TokenA);
        Assert.Equal(stored.LicenseId, license.LicenseId);
        Assert.Equal(stored.LicenseKey, license.LicenseKey);
        Assert.Equal(Timestamp(stored.IssuedAt), license.IssuedAt);
        Assert.Null(license.RevokedAt);
    }

    [Fact]
    public async Task RevokeLicense_sends_DELETE_with_the_key_and_returns_revoked_at()
    {
        await using var h = await StartAsync();
        var stored = h.Server.Store.IssueDirect(TokenA, "jetpack-complete");

        var license = await h.Client.RevokeLicenseAsync(TokenA, stored.LicenseKey);

        AssertSent(h.SingleRequest(), "DELETE", "license", $"?license_key={stored.LicenseKey}", TokenA);
        var after = h.Server.Store.Find(TokenA, stored.LicenseKey)!;
        Assert.NotNull(after.RevokedAt);
        Assert.Equal(stored.LicenseId, license.LicenseId);
        Assert.Equal(stored.LicenseKey, license.LicenseKey);
        Assert.Equal(Timestamp(stored.IssuedAt), license.IssuedAt);
        Assert.Equal(Timestamp(after.RevokedAt), license.RevokedAt);
        Assert.True(license.IsRevoked);
    }

    [Theory]
    [InlineData("https://example.com/shop/", "https%3A%2F%2Fexample.com%2Fshop%2F")]
    [InlineData("123456789", "123456789")]
    [InlineData("example.com::shop", "example.com%3A%3Ashop")]
    public async Task AttachLicense_sends_the_site_in_the_query_and_the_body_in_every_accepted_form(string site, string escaped)
    {
        await using var h = await StartAsync();
        var stored = h.Server.Store.IssueDirect(TokenA, "jetpack-anti-spam");

        var license = await h.Client.AttachLicenseAsync(TokenA, stored.LicenseKey, site);

        AssertSent(h.SingleRequest(), "POST", $"license/{stored.LicenseKey}/site", $"?site={escaped}", TokenA, $$"""{"site":"{{site}}"}""");
        var after = h.Server.Store.Find(TokenA, stored.LicenseKey)!;
        Assert.True(after.IsAttached);
        Assert.Equal(stored.LicenseKey, license.LicenseKey);
        Assert.Equal(stored.LicenseId, license.LicenseId);
        Assert.Equal(Timestamp(stored.IssuedAt), license.IssuedAt);
        Assert.Null(license.RevokedAt);
    }

    [Theory]
    [InlineData(true, "1")]
    [InlineData(false, "0")]
    public async Task DetachLicense_sends_DELETE_with_cancellation_email(bool email, string sent)
    {
        await using var h = await StartAsync();
        var stored = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
        h.Server.Store.AttachDirect(TokenA, stored.LicenseKey, "https://example.org/");

        var license = await h.Client.DetachLicenseAsync(TokenA, stored.LicenseKey, email);

        AssertSent(h.SingleRequest(), "DELETE", $"license/{stored.LicenseKey}/site", $"?cancellation_email={sent}", TokenA);
        Assert.False(h.Server.Store.Find(TokenA, stored.LicenseKey)!.IsAttached);
        Assert.Equal(stored.LicenseKey, license.LicenseKey);
        Assert.Equal(stored.LicenseId, license.LicenseId);
        Assert.Null(license.RevokedAt);
    }

    [Fact]
    public async Task ListLicenses_sends_every_set_field_and_reads_every_item_field()
    {
        await using var h = await StartAsync();
        var attached = h.Server.Store.IssueDirect(TokenA, "jetpack-backup-realtime");
        h.Server.Store.AttachDirect(TokenA, attached.LicenseKey, "https://shop.example.com/");
        attached = h.Server.Store.Find(TokenA, attached.LicenseKey)!;
        h.Server.Store.IssueDirect(TokenA, "jetpack-scan");

        var page = await h.Client.ListLicensesAsync(TokenA, new LicenseListQuery
        {
            Filter = LicenseFilter.Attached,
            Search = "shop.example",
            SortField = LicenseSortField.AttachedAt,
            SortDirection = SortDirection.Ascending,
            Page = 1,
            PerPage = 50,
        });

        AssertSent(h.SingleRequest(), "GET", "licenses",
            "?filter=attached&search=shop.example&sort_field=attached_at&sort_direction=asc&page=1&per_page=50", TokenA);
        Assert.Equal(1, page.CurrentPage);
        Assert.Equal(1, page.CurrentItems);
        Assert.Equal(50, page.ItemsPerPage);
        Assert.Equal(1, page.TotalItems);
        Assert.Equal(1, page.TotalPages);
        var item = Assert.Single(page.Items);
        Assert.Equal(attached.LicenseId, item.LicenseId);
        Assert.Equal(attached.LicenseKey, item.LicenseKey);
        Assert.Equal(attached.ProductName, item.Product);
        Assert.Equal(attached.ProductId, item.ProductId);
        Assert.Equal(attached.BlogId, item.BlogId);
        Assert.Equal(attached.SiteUrl, item.SiteUrl);
        Assert.Equal(Timestamp(attached.IssuedAt), item.IssuedAt);
        Assert.Equal(Timestamp(attached.AttachedAt), item.AttachedAt);
        Assert.Null(item.RevokedAt);
        Assert.Equal("jetpack_partner_key", item.OwnerType);
        Assert.True(item.IsAttached);
    }

    [Theory]
    [InlineData(LicenseFilter.NotRevoked, SortDirection.Descending, LicenseSortField.IssuedAt, "filter=not_revoked&sort_field=issued_at&sort_direction=desc")]
    [InlineData(LicenseFilter.Detached, SortDirection.Ascending, LicenseSortField.IssuedAt, "filter=detached&sort_field=issued_at&sort_direction=asc")]
    [InlineData(LicenseFilter.Revoked, SortDirection.Descending, LicenseSortField.RevokedAt, "filter=revoked&sort_field=revoked_at&sort_direction=desc")]
    public async Task ListLicenses_maps_every_filter_and_sort_to_the_api_words(LicenseFilter filter, SortDirection direction, LicenseSortField field, string expected)
    {
        await using var h = await StartAsync();
        var kept = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
        if (filter == LicenseFilter.Revoked)
        {
            h.Server.Store.RevokeDirect(TokenA, kept.LicenseKey);
        }

        var page = await h.Client.ListLicensesAsync(TokenA, new LicenseListQuery { Filter = filter, SortField = field, SortDirection = direction });

        AssertSent(h.SingleRequest(), "GET", "licenses", $"?{expected}&page=1&per_page=100", TokenA);
        Assert.Equal(kept.LicenseKey, Assert.Single(page.Items).LicenseKey);
    }

    [Fact]
    public async Task ListLicenses_with_a_default_query_sends_only_page_and_per_page()
    {
        await using var h = await StartAsync();

        var page = await h.Client.ListLicensesAsync(TokenA, new LicenseListQuery());

        AssertSent(h.SingleRequest(), "GET", "licenses", "?page=1&per_page=100", TokenA);
        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalItems);
        Assert.Equal(0, page.TotalPages);
    }

    [Fact]
    public async Task GetProductFamilies_sends_no_token_and_reads_the_catalogue()
    {
        await using var h = await StartAsync();

        var families = await h.Client.GetProductFamiliesAsync();

        AssertSent(h.SingleRequest(), "GET", "product-families", "", null);
        Assert.Equal(SandboxCatalogue.Families.Count, families.Count);
        foreach (var (expected, actual) in SandboxCatalogue.Families.Zip(families))
        {
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Slug, actual.Slug);
            Assert.Equal(expected.Description, actual.Description);
            Assert.Equal(
                expected.Products.Select(p => (p.ProductId, p.Name, p.Slug)),
                actual.Products.Select(p => (p.ProductId, p.Name, p.Slug)));
        }
    }

    [Fact]
    public async Task GetPartnerProductFamilies_sends_the_token_and_reads_prices()
    {
        await using var h = await StartAsync();

        var families = await h.Client.GetPartnerProductFamiliesAsync(TokenB);

        AssertSent(h.SingleRequest(), "GET", "partner/product-families", "", TokenB);
        Assert.Equal(SandboxCatalogue.Families.Count, families.Count);
        foreach (var (expected, actual) in SandboxCatalogue.Families.Zip(families))
        {
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Slug, actual.Slug);
            Assert.Equal(
                expected.Products.Select(p => (p.ProductId, p.Name, p.Slug, p.Currency, p.Amount, p.PriceInterval)),
                actual.Products.Select(p => (p.ProductId, p.Name, p.Slug, p.Currency!, p.Amount, p.PriceInterval!)));
        }
    }

    [Fact]
    public async Task A_base_url_without_its_final_slash_still_reaches_the_api()
    {
        await using var h = await StartAsync();
        var trimmed = new Uri(h.Server.BaseUrl.AbsoluteUri.TrimEnd('/'));
        var client = JetpackLicensingClientFactory.Create(FastOptions(trimmed));

        var license = await client.IssueLicenseAsync(TokenA, "jetpack-scan");

        AssertSent(h.SingleRequest(), "POST", "license", "?product=jetpack-scan", TokenA, """{"product":"jetpack-scan"}""");
        Assert.Equal(h.Server.BaseUrl, client.BaseUrl);
        Assert.Equal(Assert.Single(h.Server.Store.LicensesOf(TokenA)).LicenseKey, license.LicenseKey);
    }
}
