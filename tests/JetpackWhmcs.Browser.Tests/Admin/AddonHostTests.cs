using JetpackWhmcs.Browser.Tests.Harness;
using Microsoft.Playwright;

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

        // A forged request: the admin's cookies (this browser context's), any form, but not WHMCS's token.
        var response = await session.Page.Context.APIRequest.PostAsync(
            "/addonmodules.php?module=jetpack&page=license&id=1",
            new() { Form = FormOf(session.Page.Context.APIRequest, ("token", "forged"), ("action", "revoke"), ("confirm", "yes")) });
        var html = await response.TextAsync();
        await session.Page.SetContentAsync(html);

        var alert = session.Page.Locator("#contentarea .alert-danger");
        Assert.Equal(1, await alert.CountAsync());
        Assert.Contains("nothing was changed", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(auditBefore, await AuditRowsAsync());
        Assert.Equal("", site.PhpErrors());
    }

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Append(name, value);
        }

        return form;
    }

    private async Task<long> AuditRowsAsync() =>
        (await site.Database.QueryAsync<long>("SELECT COUNT(*) FROM jetpack_whmcs_audit")).Single();
}
