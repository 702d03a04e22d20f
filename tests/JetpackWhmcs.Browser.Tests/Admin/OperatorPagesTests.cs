using System.Globalization;
using JetpackWhmcs.Browser.Tests.Harness;
using JetpackWhmcs.Whmcs.Tests;

namespace JetpackWhmcs.Browser.Tests.Admin;

/// <summary>The Products, Drift and Costs pages, driven as staff would inside the WHMCS admin host.</summary>
[Collection(WhmcsSiteGroup.Name)]
public sealed class OperatorPagesTests(WhmcsSite site)
{
    private const string Products = "/addonmodules.php?module=jetpack&page=products";
    private const string Drift = "/addonmodules.php?module=jetpack&page=drift";
    private const string Costs = "/addonmodules.php?module=jetpack&page=costs";

    [Fact]
    public async Task Staff_create_a_product_and_an_addon_and_WHMCS_tables_hold_them()
    {
        var addonsBefore = (await site.Database.QueryAsync<long>("SELECT COALESCE(MAX(id), 0) FROM tbladdons")).Single();
        await using var session = await site.OpenAdminAsync(Products);
        var page = session.Page;

        await page.SelectOptionAsync("#jw-entity", "product");
        await page.SelectOptionAsync("#jw-product", "jetpack-complete");
        await page.ClickAsync("form:has(input[name=do][value=create]) button[type=submit]");
        await ExpectDoneAsync(page);
        await page.SelectOptionAsync("#jw-entity", "addon");
        await page.SelectOptionAsync("#jw-product", "jetpack-complete");
        await page.ClickAsync("form:has(input[name=do][value=create]) button[type=submit]");
        await ExpectDoneAsync(page);

        var group = (await site.Database.QueryAsync<long>("SELECT id FROM tblproductgroups WHERE name = 'Jetpack'")).Single();
        var product = (await site.Database.QueryRowsAsync(
            "SELECT gid, type, hidden, configoption1, configoption2 FROM tblproducts WHERE servertype = 'jetpack' AND configoption2 = 'jetpack-complete'")).Single();
        Assert.Equal(group, Convert.ToInt64(product["gid"], CultureInfo.InvariantCulture));
        Assert.Equal("other", product["type"]);
        Assert.True(Convert.ToBoolean(product["hidden"], CultureInfo.InvariantCulture), "created hidden");
        Assert.Equal(site.SandboxToken, product["configoption1"]);
        var addon = (await site.Database.QueryRowsAsync("SELECT id, type, hidden FROM tbladdons WHERE module = 'jetpack' AND id > @Before", new { Before = addonsBefore })).Single();
        Assert.Equal("other", addon["type"]);
        var settings = (await site.Database.QueryRowsAsync(
            "SELECT setting_name, value FROM tblmodule_configuration WHERE entity_type = 'addon' AND entity_id = @Id", new { Id = addon["id"] }))
            .ToDictionary(r => (string)r["setting_name"]!, r => (string)r["value"]!);
        Assert.Equal(site.SandboxToken, settings["configoption1"]);
        Assert.Equal("jetpack-complete", settings["configoption2"]);
        Assert.True(settings.ContainsKey("configoption3"));

        var listed = await page.InnerTextAsync("#contentarea table");
        Assert.Contains("addon " + Convert.ToString(addon["id"], CultureInfo.InvariantCulture), listed, StringComparison.Ordinal);
        Assert.DoesNotContain(site.SandboxToken, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
        Assert.Equal("", site.PhpErrors());
        await Screenshots.SaveAsync(page, "admin-products");
    }

    [Fact]
    public async Task Staff_rotate_the_partner_token_on_every_product_addon_and_the_addon_setting()
    {
        var product = await site.Database.AddJetpackProductAsync("Rotation product", site.SandboxToken, "jetpack-scan");
        await site.Database.ExecuteAsync(
            "INSERT INTO tbladdons (packages, name, description, billingcycle, type, module, hidden) VALUES ('', 'Rotation addon', '', 'Monthly', 'other', 'jetpack', 1)");
        var addon = (await site.Database.QueryAsync<long>("SELECT MAX(id) FROM tbladdons")).Single();
        await site.Database.ExecuteAsync(
            "INSERT INTO tblmodule_configuration (entity_type, entity_id, setting_name, friendly_name, value) VALUES " +
            "('addon', @Id, 'configoption1', 'API Token', @Token), ('addon', @Id, 'configoption2', 'Jetpack Product', 'jetpack-scan'), ('addon', @Id, 'configoption3', 'Show User License', '')",
            new { Id = addon, Token = site.SandboxToken });
        await using var session = await site.OpenAdminAsync(Products);

        try
        {
            await RotateAsync(session, site.SecondToken);

            Assert.Equal([site.SecondToken], await TokensAsync());
            Assert.Equal(site.SecondToken, (await site.Database.QueryAsync<string>("SELECT configoption1 FROM tblproducts WHERE id = @Id", new { Id = product })).Single());
            Assert.DoesNotContain(site.SecondToken, await session.Page.ContentAsync(), StringComparison.Ordinal);
            await Screenshots.SaveAsync(session.Page, "admin-products-token-rotated");
        }
        finally
        {
            // The other tests of this site use the first token: hand it back, through the same page.
            await RotateAsync(session, site.SandboxToken);
        }

        Assert.Equal([site.SandboxToken], await TokensAsync());
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Staff_run_the_drift_check_and_fix_a_terminated_service_whose_licence_is_still_active()
    {
        var (_, service, _, key) = await site.ProvisionAsync("Terry", "Terminated", $"terry-{Guid.NewGuid():N}@example.com", "ended.example");
        // Terminated in WHMCS without the module being called (a manual status change).
        await site.Database.ExecuteAsync("UPDATE tblhosting SET domainstatus = 'Terminated' WHERE id = @Id", new { Id = service });
        await using var session = await site.OpenAdminAsync(Drift, adminId: 9, name: "drift-admin");
        var page = session.Page;

        await page.ClickAsync("form:has(input[name=do][value=start]) button[type=submit]");
        // The page reloads itself while the check runs; the finding appears once it has finished.
        var finding = page.Locator("#contentarea table tbody tr", new() { HasText = key });
        await finding.WaitForAsync(new() { Timeout = 120_000 });
        Assert.Contains("Terminated", await finding.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await Screenshots.SaveAsync(page, "admin-drift", fullPage: false);

        await finding.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#contentarea .panel-warning");
        Assert.Null(await RevokedAtAsync(key));
        await Screenshots.SaveAsync(page, "admin-drift-fix-confirmation", fullPage: false);

        await page.ClickAsync("#contentarea .panel-warning button[type=submit]");
        await ExpectDoneAsync(page);

        Assert.NotNull(await RevokedAtAsync(key));
        var actors = await site.Database.QueryAsync<string?>("SELECT actor FROM jetpack_whmcs_audit WHERE license_key = @Key", new { Key = key });
        Assert.Contains("admin 9 (drift-admin)", actors);
        // The fixed finding says who fixed it and offers no second fix.
        var fixedRow = page.Locator("#contentarea table tbody tr", new() { HasText = key });
        Assert.Contains("Fixed by admin 9 (drift-admin)", await fixedRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await fixedRow.Locator("button[type=submit]").CountAsync());
        Assert.Empty(session.ConsoleErrors);
        Assert.Equal("", site.PhpErrors());
    }

    [Fact]
    public async Task The_costs_of_the_seeded_catalogue_add_up()
    {
        var catalogue = await site.CatalogueAsync();
        // Anti-spam is sold only by the catalogue's product: quarterly at 9.00, that is 3.00 a month.
        await WhmcsSchema.AddPricingAsync(site.Database, "product", catalogue.ProductIds[2], 1, monthly: -1, quarterly: 9.00m);
        var active = Enumerable.Range(0, LicenceCatalogue.Licences).Count(n => n % 3 == 2 && !LicenceCatalogue.IsRevoked(n));
        await using var session = await site.OpenAdminAsync(Costs);
        var page = session.Page;

        var antiSpam = page.Locator("#contentarea table:first-of-type tbody tr", new() { HasText = "jetpack-anti-spam" });
        var cells = await antiSpam.Locator("td").AllInnerTextsAsync();
        Assert.Equal(active.ToString("N0", CultureInfo.InvariantCulture), cells[4]);
        Assert.Equal("USD " + (active * 3.00m).ToString("N2", CultureInfo.InvariantCulture), cells[5]);

        // Its cost is the partner's monthly price times its billed (active) licences, and it sells below it.
        var partnerPrice = cells[1].Split('\n')[0];
        Assert.EndsWith(" per month", partnerPrice, StringComparison.Ordinal);
        Assert.Equal(active.ToString("N0", CultureInfo.InvariantCulture), cells[2]);
        Assert.Equal(active * Amount(partnerPrice.Replace(" per month", "", StringComparison.Ordinal)), Amount(cells[3]));
        Assert.Contains("below cost", cells[8], StringComparison.Ordinal);

        // A product's margin is its revenue less its cost.
        Assert.Equal(Amount(cells[6]) - Amount(cells[3]), Amount(cells[7]));

        // The totals: cost and revenue are the sums of the rows, the margin is revenue less cost (a
        // product without a selling price shows no margin of its own, yet its cost counts in the total).
        var rows = page.Locator("#contentarea table:first-of-type tbody tr");
        decimal cost = 0, revenue = 0;
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
            cost += Amount(row[3]);
            revenue += Amount(row[6]);
        }

        var totals = await page.Locator("#contentarea table:first-of-type tfoot th").AllInnerTextsAsync();
        Assert.Equal(cost, Amount(await page.InnerTextAsync(".jw-total-cost")));
        Assert.Equal(revenue, Amount(totals[6]));
        Assert.True(revenue - cost == Amount(await page.InnerTextAsync(".jw-total-margin")), string.Join("\n", await rows.AllInnerTextsAsync()));
        // ... and the page says which billed products have no selling price, so that total is not misread.
        var unpriced = await page.InnerTextAsync(".jw-unpriced");
        Assert.Contains("Jetpack Scan", unpriced, StringComparison.Ordinal);
        Assert.DoesNotContain("Anti-spam", unpriced, StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
        await Screenshots.SaveAsync(page, "admin-costs");
    }

    /// <summary>Waits for the page's answer to a form and fails with its sentence when it is an error.</summary>
    private static async Task ExpectDoneAsync(Microsoft.Playwright.IPage page)
    {
        var alert = page.Locator("#contentarea .alert-success, #contentarea .alert-danger").First;
        await alert.WaitForAsync();
        Assert.True(await alert.GetAttributeAsync("class") is { } css && css.Contains("alert-success", StringComparison.Ordinal), await alert.InnerTextAsync());
    }

    /// <summary>"USD 1,234.56" as 1234.56; "–" (no figure) as 0.</summary>
    private static decimal Amount(string text)
    {
        var number = text.Trim().Split(' ').Last();
        return number == "–" ? 0 : decimal.Parse(number, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private static async Task RotateAsync(BrowserSession session, string token)
    {
        await session.GotoAsync(Products);
        await session.Page.FillAsync("#jw-new-token", token);
        await session.Page.CheckAsync("form:has(input[name=do][value=rotate]) input[name=confirm]");
        await session.Page.ClickAsync("form:has(input[name=do][value=rotate]) button[type=submit]");
        await ExpectDoneAsync(session.Page);
    }

    /// <summary>Every distinct token in WHMCS's tables: the products', the addons' and the addon module's setting.</summary>
    private async Task<List<string>> TokensAsync() =>
        [.. await site.Database.QueryAsync<string>(
            "SELECT configoption1 FROM tblproducts WHERE servertype = 'jetpack' UNION " +
            "SELECT value FROM tblmodule_configuration WHERE entity_type = 'addon' AND setting_name = 'configoption1' AND entity_id IN (SELECT id FROM tbladdons WHERE module = 'jetpack') UNION " +
            "SELECT value FROM tbladdonmodules WHERE module = 'jetpack' AND setting = 'api_token'")];

    private async Task<DateTime?> RevokedAtAsync(string key) =>
        (await site.Database.QueryAsync<DateTime?>("SELECT revoked_at FROM jetpack_product_licenses WHERE license_key = @Key", new { Key = key })).Single();
}
