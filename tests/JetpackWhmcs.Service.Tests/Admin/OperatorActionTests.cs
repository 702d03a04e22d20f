using System.Net;
using JetpackWhmcs.Service.Tests.Support;
using JetpackWhmcs.Whmcs.Tests;

namespace JetpackWhmcs.Service.Tests.Admin;

public sealed class OperatorActionTests
{
    [Fact]
    public async Task Activation_and_upgrade_succeed_on_the_embedded_ledger_and_say_why_no_product_group_was_made()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);

        var activated = await admin.CallAsync("activate", AdminCaller.Body());
        var upgraded = await admin.CallAsync("upgrade", AdminCaller.Body());

        Assert.Equal((HttpStatusCode.OK, "success"), (activated.Status, activated.Json!["status"]!.GetValue<string>()));
        Assert.Contains("licence table is at migration 8", activated.Json["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("WHMCS's tables are not available on the embedded SQLite ledger", activated.Json["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Jetpack is upgraded", upgraded.Json!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_check_returns_at_once_and_its_notice_is_handed_out_once_by_the_notices_hook()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);

        var daily = await admin.CallAsync("daily-check", AdminCaller.Body(adminId: 0, username: "cron"));
        AdminCaller.Answer? notices = null;
        for (var i = 0; i < 100 && (notices?.Json?["notices"]?.AsArray().Count ?? 0) == 0; i++)
        {
            await Task.Delay(100);
            notices = await admin.CallAsync("notices", AdminCaller.Body(adminId: 0, username: "cron"));
        }

        var again = await admin.CallAsync("notices", AdminCaller.Body(adminId: 0, username: "cron"));

        Assert.Equal(HttpStatusCode.OK, daily.Status);
        Assert.True(daily.Json!["started"]!.GetValue<bool>());
        Assert.Empty(daily.Json["notices"]!.AsArray());
        // No WHMCS here: the check could not look at WHMCS's tables, and says so to the admins.
        var notice = Assert.Single(notices!.Json!["notices"]!.AsArray())!;
        Assert.Contains("could not check", notice["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("page=drift", notice["activity"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(again.Json!["notices"]!.AsArray());
    }

    [Fact]
    public async Task A_replayed_notices_call_is_refused_and_hands_out_nothing()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);
        var call = admin.Sign("notices", AdminCaller.Body(adminId: 0, username: "cron"));

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(call)).Status);
        var replayed = await admin.SendAsync(call);

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.Status);
        Assert.Null(replayed.Json?["notices"]);
    }

    [Fact]
    public async Task Activation_in_whmcss_database_makes_the_hidden_jetpack_group_once()
    {
        await using var database = await TestMariaDb.CreateAsync();
        // WHMCS's tables as the WHMCS suite's fixture restates them, beside the ledger the service migrates.
        foreach (var table in new[] { WhmcsSchema.ProductGroups, WhmcsSchema.Products, WhmcsSchema.Addons, WhmcsSchema.ModuleConfiguration, WhmcsSchema.AddonModules })
        {
            await database.ExecuteAsync(table);
        }

        await using var service = await ServiceUnderTest.StartAsync(database: database.ConnectionString);
        var admin = new AdminCaller(service.Http, service.Secret);

        var first = await admin.CallAsync("activate", AdminCaller.Body());
        var second = await admin.CallAsync("activate", AdminCaller.Body());

        Assert.EndsWith("the hidden product group \"Jetpack\" was created.", first.Json!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("was already there.", second.Json!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var connection = new MySqlConnector.MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new MySqlConnector.MySqlCommand("SELECT COUNT(*) FROM tblproductgroups WHERE name = 'Jetpack' AND headline = 'Jetpack Products' AND hidden = 1", connection);
        Assert.Equal(1L, Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
