using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Admin.Standalone;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.Admin;

/// <summary>The pages served by the service itself under /ui/: one-time link, session cookie, CSRF on every form.</summary>
public sealed partial class StandalonePagesTests
{
    private static HttpClient Browser(ServiceUnderTest service, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = service.Http.BaseAddress };

    [Fact]
    public async Task The_one_time_link_signs_in_once_with_an_httponly_samesite_strict_cookie()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var link = OneTimeLink.Issue(service.App);
        using var browser = Browser(service, new CookieContainer());
        using var other = Browser(service, new CookieContainer());

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("ui/licenses", UriKind.Relative))).StatusCode);
        using var first = await browser.GetAsync(link);
        using var second = await other.GetAsync(link);
        using var page = await browser.GetAsync(new Uri("ui/licenses", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/ui", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("already used or has expired", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/ui/drift\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_the_session_csrf_value_changes_nothing_and_one_with_it_acts_as_the_local_admin()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(11))).ResultText);
        var row = (await service.Ledger.FindBySlotAsync("service:11"))!;
        using var browser = Browser(service, new CookieContainer());
        await browser.GetAsync(OneTimeLink.Issue(service.App));
        var id = row.Id.ToString(CultureInfo.InvariantCulture);
        var confirm = await browser.GetStringAsync(new Uri($"ui/license?id={id}&action=revoke", UriKind.Relative));
        var csrf = CsrfField().Match(confirm).Groups[1].Value;
        Assert.Equal(64, csrf.Length);
        Assert.Contains($"action=\"/ui/license?id={id}\"", confirm, StringComparison.Ordinal);

        using var forged = await browser.PostAsync(new Uri($"ui/license?id={id}", UriKind.Relative), new FormUrlEncodedContent([new("action", "revoke"), new("token", "not-the-session-value")]));
        using var missing = await browser.PostAsync(new Uri($"ui/license?id={id}", UriKind.Relative), new FormUrlEncodedContent([new("action", "revoke")]));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(LicenseState.Active, (await service.Ledger.GetAsync(row.Id))!.State);
        Assert.False(service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.IsRevoked);

        using var done = await browser.PostAsync(new Uri($"ui/license?id={id}", UriKind.Relative), new FormUrlEncodedContent([new("action", "revoke"), new("token", csrf)]));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Revoked the licence of service:11", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.IsRevoked);
        var audit = (await service.Ledger.ListAuditAsync("service:11")).First(a => a.Operation == "revoke");
        Assert.Equal($"admin 0 ({OneTimeLink.LocalAdmin.Username})", audit.Actor);
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex CsrfField();
}
