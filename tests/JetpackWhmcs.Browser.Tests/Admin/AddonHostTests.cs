using JetpackWhmcs.Browser.Tests.Harness;

namespace JetpackWhmcs.Browser.Tests.Admin;

/// <summary>The addon module inside the WHMCS admin host: who may reach it and what a forged form gets.</summary>
[Collection(WhmcsSiteGroup.Name)]
public sealed class AddonHostTests(WhmcsSite site)
{
    [Fact]
    public async Task The_addon_page_without_an_admin_session_is_refused_by_WHMCS()
    {
        await using var session = await BrowserSession.OpenAsync(site.Browser, site.HostUrl);

        var response = await session.Page.GotoAsync("/addonmodules.php?module=jetpack");

        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task A_form_posted_with_a_forged_token_is_refused_before_anything_reaches_the_service()
    {
        await using var session = await site.OpenAdminAsync();
        var auditBefore = await AuditRowsAsync();

        // A page elsewhere posting to the addon with the admin's cookies, but without WHMCS's token.
        await session.Page.SetContentAsync(
            "<form id=f method=post action='" + site.HostUrl + "addonmodules.php?module=jetpack&page=license&id=1'>" +
            "<input name=token value=forged><input name=action value=revoke><input name=confirm value=yes></form>");
        await session.Page.EvalOnSelectorAsync("#f", "f => f.submit()");
        // The form's own address, unlike the page it was placed on.
        await session.Page.WaitForURLAsync("**/addonmodules.php?module=jetpack&page=license&id=1");

        var alert = session.Page.Locator("#contentarea .alert-danger");
        Assert.Equal(1, await alert.CountAsync());
        Assert.Contains("nothing was changed", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(auditBefore, await AuditRowsAsync());
        Assert.Equal("", site.PhpErrors());
    }

    private async Task<long> AuditRowsAsync() =>
        (await site.Database.QueryAsync<long>("SELECT COUNT(*) FROM jetpack_whmcs_audit")).Single();
}
