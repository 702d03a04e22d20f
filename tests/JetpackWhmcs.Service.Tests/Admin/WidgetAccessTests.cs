using System.Net;
using JetpackWhmcs.Service.Tests.Support;
using JetpackWhmcs.Whmcs.Tests;

namespace JetpackWhmcs.Service.Tests.Admin;

/// <summary>The dashboard widget honours the addon's Access Control, which WHMCS applies to the addon's pages but not to hooks.</summary>
public sealed class WidgetAccessTests
{
    private const string Refusal = "Your admin role has no access to the Jetpack addon";

    [Fact]
    public async Task An_admin_in_an_allowed_role_sees_the_figures_and_one_in_another_role_sees_why_not_and_no_figures()
    {
        await using var database = await WhmcsWithAdminsAsync("'1,3'");
        await using var service = await ServiceUnderTest.StartAsync(database: database.ConnectionString);
        var admin = new AdminCaller(service.Http, service.Secret);

        var allowed = await admin.CallAsync("widget", AdminCaller.Body(adminId: 3, username: "alice"));
        var refused = await admin.CallAsync("widget", AdminCaller.Body(adminId: 5, username: "bob"));

        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Contains("Active licences", allowed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Refusal, allowed.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(Refusal, refused.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"text-muted\"", refused.Html, StringComparison.Ordinal);
        AssertNoFigures(refused.Html);
    }

    [Fact]
    public async Task An_empty_or_missing_access_setting_lets_no_role_see_the_figures_nor_an_admin_whmcs_does_not_know()
    {
        await using var database = await WhmcsWithAdminsAsync(access: null);
        await using var service = await ServiceUnderTest.StartAsync(database: database.ConnectionString);
        var admin = new AdminCaller(service.Http, service.Secret);

        var missing = await admin.CallAsync("widget", AdminCaller.Body(adminId: 3, username: "alice"));
        await database.ExecuteAsync("INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', 'access', '')");
        var empty = await admin.CallAsync("widget", AdminCaller.Body(adminId: 3, username: "alice"));
        await database.ExecuteAsync("UPDATE tbladdonmodules SET value = '3' WHERE module = 'jetpack' AND setting = 'access'");
        var unknown = await admin.CallAsync("widget", AdminCaller.Body(adminId: 99, username: "mallory"));

        foreach (var answer in new[] { missing, empty, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains(Refusal, answer.Html, StringComparison.Ordinal);
            AssertNoFigures(answer.Html);
        }
    }

    [Fact]
    public async Task Without_whmcss_tables_every_admin_sees_the_figures_as_before()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);

        var widget = await admin.CallAsync("widget", AdminCaller.Body(adminId: 5, username: "bob"));

        Assert.Equal(HttpStatusCode.OK, widget.Status);
        Assert.Contains("Active licences", widget.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Refusal, widget.Html, StringComparison.Ordinal);
    }

    private static void AssertNoFigures(string html)
    {
        Assert.DoesNotContain("Active licences", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Monthly cost", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not measured yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("page=licenses", html, StringComparison.Ordinal);
    }

    /// <summary>WHMCS's addon settings and admins: alice (3) a Support Operator (role 3), bob (5) a Sales Operator (role 2); <paramref name="access"/> as SQL, or no row.</summary>
    private static async Task<TestMariaDb> WhmcsWithAdminsAsync(string? access)
    {
        var database = await TestMariaDb.CreateAsync();
        await database.ExecuteAsync(WhmcsSchema.AddonModules);
        await database.ExecuteAsync(WhmcsSchema.Admins);
        await database.ExecuteAsync("INSERT INTO tbladmins (id, roleid, username) VALUES (1, 1, 'admin'), (3, 3, 'alice'), (5, 2, 'bob')");
        await database.ExecuteAsync("INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', 'version', '2.0.0')");
        if (access is not null)
        {
            await database.ExecuteAsync($"INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', 'access', {access})");
        }

        return database;
    }
}
