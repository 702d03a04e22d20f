using System.Globalization;
using JetpackWhmcs.Browser.Tests.Harness;
using Microsoft.Playwright;

namespace JetpackWhmcs.Browser.Tests.Admin;

/// <summary>The licence list and a licence's page, driven as staff would inside the WHMCS admin host.</summary>
[Collection(WhmcsSiteGroup.Name)]
public sealed class LicencePagesTests(WhmcsSite site)
{
    private const string Licences = "/addonmodules.php?module=jetpack&page=licenses";

    [Fact]
    public async Task Staff_search_filter_and_page_through_thousands_of_licences()
    {
        await site.CatalogueAsync();
        await using var session = await site.OpenAdminAsync(Licences, adminId: 4, name: "grace");
        var page = session.Page;
        var rows = page.Locator("table.jetpack-licenses tbody tr");

        Assert.Equal(50, await rows.CountAsync());
        await Screenshots.SaveAsync(page, "admin-licenses", fullPage: false);

        // A client by name: exactly that client's five services.
        var client = LicenceCatalogue.ClientFirstName(417);
        await page.FillAsync("#jw-q", client);
        await page.SelectOptionAsync("#jw-by", "client");
        await page.ClickAsync("form.form-inline button[type=submit]");
        await page.WaitForURLAsync("**q=" + client + "*");
        Assert.Equal(LicenceCatalogue.ServicesPerClient, await rows.CountAsync());
        foreach (var text in await rows.AllInnerTextsAsync())
        {
            Assert.Contains(client + " Catalogue", text, StringComparison.Ordinal);
        }

        // A licence key by its prefix.
        await page.FillAsync("#jw-q", LicenceCatalogue.Key(1234)[..^1]);
        await page.SelectOptionAsync("#jw-by", "key");
        await page.ClickAsync("form.form-inline button[type=submit]");
        await page.WaitForURLAsync("**by=key*");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal(LicenceCatalogue.Key(1234), await rows.Locator("code").First.InnerTextAsync());

        // Revoked licences of one product: every row says so.
        await page.FillAsync("#jw-q", "");
        await page.SelectOptionAsync("#jw-state", "revoked");
        await page.FillAsync("#jw-product", "jetpack-scan");
        await page.ClickAsync("form.form-inline button[type=submit]");
        await page.WaitForURLAsync("**state=revoked*");
        Assert.Equal(50, await rows.CountAsync());
        foreach (var text in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("revoked", text, StringComparison.Ordinal);
            Assert.Contains("jetpack-scan", text, StringComparison.Ordinal);
        }

        // The next page continues where the first ended, with other rows, still filtered.
        var first = await rows.Locator("td:first-child code").AllInnerTextsAsync();
        await page.ClickAsync("ul.pager li.next a");
        await page.WaitForURLAsync("**after=*");
        var second = await rows.Locator("td:first-child code").AllInnerTextsAsync();
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
        Assert.All(await rows.AllInnerTextsAsync(), text => Assert.Contains("revoked", text, StringComparison.Ordinal));
        Assert.Empty(session.ConsoleErrors);
        Assert.Equal("", site.PhpErrors());
    }

    [Fact]
    public async Task Staff_open_a_licence_and_revoke_it_only_after_the_confirmation()
    {
        var (_, service, _, key) = await site.ProvisionAsync("Linus", "Revoke", $"linus-{Guid.NewGuid():N}@example.com", "revoke-me.example");
        await using var session = await site.OpenAdminAsync(Licences, adminId: 7, name: "grace");
        var page = session.Page;

        await page.FillAsync("#jw-q", service.ToString(CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#jw-by", "service");
        await page.ClickAsync("form.form-inline button[type=submit]");
        await page.ClickAsync($"table.jetpack-licenses a:has-text('{key}')");
        await page.WaitForURLAsync("**page=license*");
        Assert.Contains("Linus Revoke", await page.InnerTextAsync("#contentarea"), StringComparison.Ordinal);
        Assert.Contains("revoke-me.example", await page.InnerTextAsync("#contentarea"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "admin-license");

        await page.ClickAsync("#contentarea a.btn-danger:has-text('Revoke')");
        await page.WaitForURLAsync("**action=revoke*");
        Assert.Contains("Are you sure?", await page.InnerTextAsync("#contentarea .panel-danger"), StringComparison.Ordinal);
        Assert.Null(await RevokedAtAsync(key));
        await Screenshots.SaveAsync(page, "admin-license-revoke-confirmation");

        await page.ClickAsync("#contentarea .panel-danger button[type=submit]");
        await page.WaitForSelectorAsync("#contentarea .alert-success");

        Assert.NotNull(await RevokedAtAsync(key));
        var actors = await site.Database.QueryAsync<string?>(
            "SELECT actor FROM jetpack_whmcs_audit WHERE license_key = @Key AND operation LIKE '%revoke%'", new { Key = key });
        Assert.Contains("admin 7 (grace)", actors);
        Assert.Contains("admin 7 (grace)", await page.InnerTextAsync("table.jetpack-audit"), StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
        Assert.Equal("", site.PhpErrors());
    }

    [Fact]
    public async Task A_client_named_like_markup_stays_text_on_the_list_and_the_licence_page()
    {
        var email = $"xss-{Guid.NewGuid():N}@example.com";
        var (_, service, _, key) = await site.ProvisionAsync("<script>window.__xss=1</script>", "<img src=x onerror=\"window.__xss=2\">", email, "xss.example");
        await using var session = await site.OpenAdminAsync($"{Licences}&by=service&q={service}");
        var page = session.Page;

        var client = await page.InnerTextAsync("table.jetpack-licenses tbody tr td:nth-child(5)");
        Assert.Contains("<script>window.__xss=1</script>", client, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=\"window.__xss=2\">", client, StringComparison.Ordinal);
        await page.ClickAsync($"table.jetpack-licenses a:has-text('{key}')");
        await page.WaitForURLAsync("**page=license*");
        Assert.Contains("<script>window.__xss=1</script>", await page.InnerTextAsync("#contentarea"), StringComparison.Ordinal);

        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
        Assert.Equal(0, await page.Locator("#contentarea script, #contentarea img").CountAsync());
        Assert.DoesNotContain(site.SandboxToken, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task The_dashboard_widget_and_the_sidebar_show_the_service_figures()
    {
        await using var session = await site.OpenAdminAsync("/index.php");
        var widget = session.Page.Locator(".panel.widget");

        Assert.Equal(1, await widget.CountAsync());
        Assert.Equal(0, await widget.Locator(".alert-danger").CountAsync());
        Assert.Contains("Jetpack", await widget.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Active licences", await widget.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(session.Page, "admin-dashboard-widget");

        await session.GotoAsync(Licences);
        var sidebar = session.Page.Locator("#sidebar");
        Assert.Equal(0, await sidebar.Locator(".alert-danger").CountAsync());
        Assert.True(await sidebar.Locator("a").CountAsync() > 0, "the sidebar links the addon's pages");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task The_dashboard_widget_tells_an_admin_outside_the_addons_access_control_why_it_shows_no_figures()
    {
        await using var session = await site.OpenAdminAsync("/index.php", adminId: WhmcsSite.SalesAdminId, name: "sales");
        var widget = session.Page.Locator(".panel.widget");

        var text = await widget.InnerTextAsync();
        Assert.Contains("Your admin role has no access to the Jetpack addon", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Active licences", text, StringComparison.Ordinal);
        Assert.Equal(0, await widget.Locator(".alert-danger").CountAsync());
        Assert.Empty(session.ConsoleErrors);
        Assert.Equal("", site.PhpErrors());
    }

    private async Task<DateTime?> RevokedAtAsync(string key) =>
        (await site.Database.QueryAsync<DateTime?>("SELECT revoked_at FROM jetpack_product_licenses WHERE license_key = @Key", new { Key = key })).Single();
}
