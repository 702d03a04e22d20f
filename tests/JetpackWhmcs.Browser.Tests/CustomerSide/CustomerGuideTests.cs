using System.Globalization;
using System.Text.Json.Nodes;
using JetpackWhmcs.Browser.Tests.Harness;
using Microsoft.Playwright;

namespace JetpackWhmcs.Browser.Tests.CustomerSide;

/// <summary>
/// The customer's guide in Chromium, on the client area played by the test host around the real module,
/// the real service (on the WHMCS database, with its sandbox) and real Smarty: copy the key, activate on
/// one's own site, change the site, a bad address refused with the sentence, the upsell, a phone, hostile values.
/// </summary>
[Collection(WhmcsSiteGroup.Name)]
public sealed class CustomerGuideTests(WhmcsSite site)
{
    private readonly List<string> failedUrls = [];

    [Fact]
    public async Task The_copy_button_puts_the_key_on_the_clipboard()
    {
        var (client, service, key) = await ProvisionAsync("copy.example.com");
        await using var session = await OpenClientAsync(client, service, permissions: ["clipboard-read", "clipboard-write"]);

        await session.Page.ClickAsync(".jetpack-copy");

        await Assertions.Expect(session.Page.Locator(".jetpack-copy")).ToHaveTextAsync("Copied");
        Assert.Equal(key, await session.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        AssertClean(session);
        await Screenshots.SaveAsync(session.Page, "client-guide");
    }

    [Fact]
    public async Task The_customer_activates_on_one_of_their_sites_then_moves_it_to_a_typed_address()
    {
        var (client, service, _) = await ProvisionAsync("first.example.com");
        await site.Database.AddServiceAsync(client, await HostingProductAsync(), "second.example.com");
        await using var session = await OpenClientAsync(client, service);

        await session.Page.SelectOptionAsync("#jetpack-site", "second.example.com");
        await session.Page.ClickAsync(".jetpack-submit");

        await Assertions.Expect(session.Page.Locator("#module-result")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-success"));
        Assert.Equal("https://second.example.com", await AttachedSiteAsync(service));
        await Assertions.Expect(session.Page.Locator(".jetpack-site")).ToHaveTextAsync("https://second.example.com");
        await Assertions.Expect(session.Page.Locator(".jetpack-submit")).ToHaveTextAsync("Change site");

        await session.Page.FillAsync("#jetpack-site-typed", "https://www.first.example.com/blog/");
        await session.Page.ClickAsync(".jetpack-submit");

        await Assertions.Expect(session.Page.Locator("#module-result")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-success"));
        Assert.Equal("https://www.first.example.com/blog", await AttachedSiteAsync(service));
        var actors = await site.Database.QueryAsync<string>(
            "SELECT DISTINCT actor FROM jetpack_whmcs_audit WHERE owner = @Owner AND operation IN ('attach', 'detach')", new { Owner = $"service:{service}" });
        Assert.Equal([$"client {client}"], actors);
        AssertClean(session);

        // The admin's licence page shows who made the changes.
        var rowId = (await site.Database.QueryAsync<long>("SELECT id FROM jetpack_product_licenses WHERE service_id = @Service AND revoked_at IS NULL", new { Service = service })).Single();
        await using var admin = await site.OpenAdminAsync($"/addonmodules.php?module=jetpack&page=license&id={rowId}");
        await Assertions.Expect(admin.Page.Locator(".jetpack-audit")).ToContainTextAsync($"client {client}");
        await Screenshots.SaveAsync(admin.Page, "admin-licence-client-changes");
    }

    [Fact]
    public async Task A_typed_address_that_is_no_site_shows_the_sentence_saying_what_to_type_and_changes_nothing()
    {
        var (client, service, _) = await ProvisionAsync("typo.example.com");
        await using var session = await OpenClientAsync(client, service);

        await session.Page.FillAsync("#jetpack-site-typed", "my blog <b>now</b>");
        await session.Page.ClickAsync(".jetpack-submit");

        var alert = session.Page.Locator("#module-result.alert-danger");
        await Assertions.Expect(alert).ToContainTextAsync("'my blog <b>now</b>' is not a site address: type the full address starting with https://");
        Assert.Equal(0, await alert.Locator("b").CountAsync());
        Assert.Null(await AttachedSiteAsync(service));
        AssertClean(session);
        await Screenshots.SaveAsync(session.Page, "client-guide-bad-site");
    }

    [Fact]
    public async Task The_guide_reads_well_on_a_phone()
    {
        var (client, service, key) = await ProvisionAsync("phone.example.com");
        await using var session = await OpenClientAsync(client, service, viewport: new() { Width = 390, Height = 844 });

        Assert.Equal(key, await session.Page.InputValueAsync("#jetpack-license-key"));
        var overflow = await session.Page.EvaluateAsync<bool>("() => document.querySelector('#jetpack-license').scrollWidth > document.querySelector('#jetpack-license').clientWidth");
        Assert.False(overflow, "the guide is wider than the phone's screen");
        var copy = await session.Page.Locator(".jetpack-copy").BoundingBoxAsync();
        Assert.NotNull(copy);
        Assert.True(copy.Width >= 300, "the copy button spans the screen on a phone");
        await Assertions.Expect(session.Page.Locator(".jetpack-activation-link")).ToBeVisibleAsync();
        AssertClean(session);
        await Screenshots.SaveAsync(session.Page, "client-guide-phone");
    }

    [Fact]
    public async Task A_hostile_domain_and_client_name_stay_text()
    {
        const string Domain = "x.example.com\"><img src=x onerror=alert(1)>";
        var (client, service, key) = await ProvisionAsync(Domain, firstName: "<script>alert(2)</script>", language: "german");
        await using var session = await OpenClientAsync(client, service);
        var dialogs = 0;
        session.Page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await session.Page.ReloadAsync();

        Assert.Equal(key, await session.Page.InputValueAsync("#jetpack-license-key"));
        Assert.Equal(0, await session.Page.Locator("#jetpack-license img, #jetpack-license script").CountAsync());
        Assert.Contains(Domain, await session.Page.InnerTextAsync("#jetpack-site"), StringComparison.Ordinal);
        await Assertions.Expect(session.Page.Locator(".jetpack-copy")).ToHaveTextAsync("Kopieren");
        Assert.Equal(0, dialogs);
        AssertClean(session);
        await Screenshots.SaveAsync(session.Page, "client-guide-german-hostile");
    }

    [Fact]
    public async Task The_upsell_shows_on_a_hosting_service_without_jetpack_and_not_on_one_with_it()
    {
        var client = await site.Database.AddClientAsync("Grace", "Hopper", $"grace-{Guid.NewGuid():N}@example.com");
        var hosting = await HostingProductAsync();
        var without = await site.Database.AddServiceAsync(client, hosting, "nojetpack.example.com");
        var with = await site.Database.AddServiceAsync(client, hosting, "hasjetpack.example.com");
        var addon = await JetpackAddonAsync(hosting);
        await site.Database.ExecuteAsync(
            "INSERT INTO tblhostingaddons (orderid, hostingid, addonid, status, billingcycle) VALUES (0, @Service, @Addon, 'Active', 'Monthly')",
            new { Service = with, Addon = addon });
        await using var session = await OpenClientAsync(client, without);
        Assert.Equal(0, await session.Page.Locator(".jetpack-upsell").CountAsync());

        await site.Database.ExecuteAsync("UPDATE tbladdonmodules SET value = 'on' WHERE module = 'jetpack' AND setting = 'upsell'");
        try
        {
            await session.GotoAsync($"/clientarea.php?action=productdetails&id={without}");
            var upsell = session.Page.Locator(".jetpack-upsell");
            await Assertions.Expect(upsell).ToContainTextAsync("Add Jetpack to nojetpack.example.com");
            await Assertions.Expect(upsell).ToContainTextAsync("7.50 USD per month");
            Assert.Equal(
                $"cart.php?a=add&aid={addon}&productid={without}",
                await upsell.Locator("a").GetAttributeAsync("href"));
            await Screenshots.SaveAsync(session.Page, "client-upsell");

            await session.GotoAsync($"/clientarea.php?action=productdetails&id={with}");
            Assert.Equal(0, await session.Page.Locator(".jetpack-upsell").CountAsync());

            await session.GotoAsync("/clientarea.php");
            await Assertions.Expect(session.Page.Locator("#panel-jetpack-upsell")).ToContainTextAsync("nojetpack.example.com");
            Assert.DoesNotContain("hasjetpack.example.com", await session.Page.InnerTextAsync("#panel-jetpack-upsell"), StringComparison.Ordinal);
            AssertClean(session);
        }
        finally
        {
            await site.Database.ExecuteAsync("UPDATE tbladdonmodules SET value = '' WHERE module = 'jetpack' AND setting = 'upsell'");
        }
    }

    private async Task<(long Client, long Service, string Key)> ProvisionAsync(string domain, string firstName = "Ada", string language = "")
    {
        var client = await site.Database.AddClientAsync(firstName, "Lovelace", $"c-{Guid.NewGuid():N}@example.com", language);
        var product = await site.Database.AddJetpackProductAsync("Jetpack Backup", site.SandboxToken, "jetpack-backup-daily");
        var service = await site.Database.AddServiceAsync(client, product, domain);
        var created = await site.CallModuleAsync("CreateAccount", WhmcsSeed.ServiceParams(service, product, client, domain, site.SandboxToken, "jetpack-backup-daily"));
        Assert.Equal("success", created.ResultText);
        var key = (await site.Database.QueryAsync<string>("SELECT license_key FROM jetpack_product_licenses WHERE service_id = @Service AND revoked_at IS NULL", new { Service = service })).Single();
        return (client, service, key);
    }

    private async Task<BrowserSession> OpenClientAsync(long client, long service, string[]? permissions = null, ViewportSize? viewport = null)
    {
        var session = await BrowserSession.OpenAsync(site.Browser, site.HostUrl, permissions, viewport);
        session.Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failedUrls.Add($"{response.Status} {response.Url}");
            }
        };
        await session.GotoAsync($"/login.php?client={client.ToString(CultureInfo.InvariantCulture)}&to={Uri.EscapeDataString($"/clientarea.php?action=productdetails&id={service}")}");
        return session;
    }

    private async Task<string?> AttachedSiteAsync(long service) =>
        (await site.Database.QueryAsync<string?>("SELECT attached_site FROM jetpack_product_licenses WHERE service_id = @Service AND revoked_at IS NULL", new { Service = service })).Single();

    private Task<long> HostingProductAsync() => InsertAsync(
        "INSERT INTO tblproducts (gid, type, name, description, hidden, servertype, configoption1, configoption2, configoption3, paytype) " +
        "VALUES (0, 'hostingaccount', 'Shared Hosting', '', 0, 'cpanel', '', '', '', 'recurring')", new { });

    private async Task<long> JetpackAddonAsync(long hostingProduct)
    {
        // The clients' currency (id 1), as WHMCS's installer creates it.
        await site.Database.ExecuteAsync("INSERT IGNORE INTO tblcurrencies (id, code, prefix, suffix, `default`) VALUES (1, 'USD', '$', ' USD', 1)");
        var addon = await InsertAsync(
            "INSERT INTO tbladdons (packages, name, description, billingcycle, type, module, hidden, retired) VALUES (@Packages, 'Jetpack Backup', '', 'Monthly', 'other', 'jetpack', 0, 0)",
            new { Packages = hostingProduct.ToString(CultureInfo.InvariantCulture) });
        await site.Database.ExecuteAsync(
            "INSERT INTO tblpricing (type, currency, relid, msetupfee, qsetupfee, ssetupfee, asetupfee, bsetupfee, tsetupfee, monthly, quarterly, semiannually, annually, biennially, triennially) " +
            "VALUES ('addon', 1, @Addon, 0, 0, 0, 0, 0, 0, 7.50, -1, -1, -1, -1, -1)", new { Addon = addon });
        return addon;
    }

    private async Task<long> InsertAsync(string insert, object values)
    {
        await using var connection = await site.Database.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, insert, values);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT LAST_INSERT_ID()");
    }

    private void AssertClean(BrowserSession session)
    {
        Assert.True(session.ConsoleErrors.Count == 0, string.Join("\n", session.ConsoleErrors.Concat(failedUrls)));
        Assert.True(site.PhpErrors().Length == 0, site.PhpErrors());
    }
}
