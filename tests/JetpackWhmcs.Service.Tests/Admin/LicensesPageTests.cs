using System.Net;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.Admin;

/// <summary>The licence list through the signed page action: escaping, search by each field, keyset paging.</summary>
public sealed class LicensesPageTests
{
    [Fact]
    public async Task A_client_named_script_and_sites_with_markup_stay_text()
    {
        await using var mariadb = await TestMariaDb.CreateAsync();
        await WhmcsClientTables.CreateAsync(mariadb);
        await using var service = await ServiceUnderTest.StartAsync(mariadb.ConnectionString);
        await WhmcsClientTables.AddAsync(mariadb, 5, "<script>alert(1)</script>", "O'Brien & \"Sons\"", "x@<b>evil</b>.example", 77, "<img src=x onerror=alert(2)>.example");
        await PageRows.RecordAsync(service.Ledger, LicenseOwner.Service(77), "KEY-<i>1</i>", site: "https://\"><script>alert(3)</script>");
        var admin = new AdminCaller(service.Http, service.Secret);

        var html = (await admin.PageAsync("licenses")).Html;

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>evil", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>1", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;.example", html, StringComparison.Ordinal);
        Assert.Contains("KEY-&lt;i&gt;1&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"clientssummary.php?userid=5\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"clientsservices.php?userid=5&amp;id=77\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_by_client_name_and_email_uses_whmcs_tables()
    {
        await using var mariadb = await TestMariaDb.CreateAsync();
        await WhmcsClientTables.CreateAsync(mariadb);
        await using var service = await ServiceUnderTest.StartAsync(mariadb.ConnectionString);
        await WhmcsClientTables.AddAsync(mariadb, 1, "Jane", "Doe", "jane@example.com", 10, "jane.example");
        await WhmcsClientTables.AddAsync(mariadb, 2, "John", "Smith", "john@example.org", 20, "john.example");
        var jane = await PageRows.RecordAsync(service.Ledger, LicenseOwner.Service(10), "KEY-JANE");
        var john = await PageRows.RecordAsync(service.Ledger, LicenseOwner.Service(20), "KEY-JOHN");
        var admin = new AdminCaller(service.Http, service.Secret);

        var byName = (await admin.PageAsync("licenses", ("q", "jane d"), ("by", "client"))).Html;
        var byEmail = (await admin.PageAsync("licenses", ("q", "john@"), ("by", "client"))).Html;

        Assert.Equal([jane], PageRows.Ids(byName));
        Assert.Equal([john], PageRows.Ids(byEmail));
    }

    [Fact]
    public async Task Search_by_key_site_service_and_addon_and_filters_find_their_rows_only()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var byKey = await PageRows.RecordAsync(service.Ledger, LicenseOwner.Service(1), "ALPHA-KEY-1", site: "https://alpha.example.com");
        var bySite = await PageRows.RecordAsync(service.Ledger, LicenseOwner.Service(2), "BETA-KEY-2", slug: "jetpack-scan", site: "http://shop.beta.example/store");
        var byAddon = await PageRows.RecordAsync(service.Ledger, LicenseOwner.Addon(9), "GAMMA-KEY-3", fingerprint: "fp-other");
        var admin = new AdminCaller(service.Http, service.Secret);

        async Task<long[]> Search(params (string, string)[] query) => PageRows.Ids((await admin.PageAsync("licenses", query)).Html);

        Assert.Equal([byKey], await Search(("q", "ALPHA"), ("by", "key")));
        Assert.Equal([bySite], await Search(("q", "shop.beta"), ("by", "domain")));
        Assert.Equal([bySite], await Search(("q", "2"), ("by", "service")));
        Assert.Equal([byAddon], await Search(("q", "9"), ("by", "addon")));
        Assert.Equal([bySite], await Search(("product", "jetpack-scan")));
        Assert.Equal([byAddon], await Search(("fingerprint", "fp-other")));
        Assert.Equal([byAddon, bySite, byKey], await Search(("state", "active")));
        Assert.Empty(await Search(("state", "pending")));
        Assert.Equal([byKey, bySite, byAddon], await Search(("sort", "oldest")));
        var bad = (await admin.PageAsync("licenses", ("q", "abc"), ("by", "service"))).Html;
        Assert.Contains("a service id is a number, and &#x27;abc&#x27; is not one", bad, StringComparison.Ordinal);
        var embeddedClient = (await admin.PageAsync("licenses", ("q", "jane"), ("by", "client"))).Html;
        Assert.Contains("Searching by client needs WHMCS", embeddedClient, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyset_pages_show_every_row_exactly_once_while_licences_are_being_issued()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var existing = new List<long>();
        for (var i = 0; i < 120; i++)
        {
            existing.Add(await PageRows.RecordAsync(service.Ledger, LicenseOwner.Service(1000 + i), $"PAGE-KEY-{i:D3}"));
        }

        var admin = new AdminCaller(service.Http, service.Secret);
        using var stop = new CancellationTokenSource();
        var inserted = 0;
        // Licences keep arriving while the admin pages through the list.
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await PageRows.RecordAsync(service.Ledger, LicenseOwner.Service(5000 + inserted), $"NEW-KEY-{inserted:D4}");
                inserted++;
                await Task.Delay(5);
            }
        });

        var seen = new List<long>();
        var answer = await admin.PageAsync("licenses", ("sort", "oldest"));
        while (true)
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            seen.AddRange(PageRows.Ids(answer.Html));
            if (PageRows.NextAfter(answer.Html) is not { } after || seen.Count > 2000)
            {
                break;
            }

            await Task.Delay(20);
            answer = await admin.PageAsync("licenses", ("sort", "oldest"), ("after", after));
            if (seen.Count >= existing.Count)
            {
                await stop.CancelAsync();
            }
        }

        await stop.CancelAsync();
        await writer;
        Assert.True(inserted > 0, "no licence was inserted while paging");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(existing, seen.Take(existing.Count));
        Assert.Equal(seen.Order(), seen);
    }
}
