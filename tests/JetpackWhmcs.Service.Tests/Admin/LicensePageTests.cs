using System.Net;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.Admin;

/// <summary>The licence detail page: live API state, audit trail, and actions through the engine after a confirmation.</summary>
public sealed class LicensePageTests
{
    private static JsonObject Query(long id) => new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task Revoke_asks_first_then_goes_through_the_engine_with_the_admin_as_actor_and_a_replay_changes_nothing()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(7))).ResultText);
        var row = (await service.Ledger.FindBySlotAsync("service:7"))!;
        var admin = new AdminCaller(service.Http, service.Secret);

        var detail = (await admin.PageAsync("license", ("id", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Html;
        var confirm = (await admin.PageAsync("license", ("id", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("action", "revoke"))).Html;

        Assert.Contains(row.LicenseKey, detail, StringComparison.Ordinal);
        Assert.Contains("not attached", detail, StringComparison.Ordinal);
        Assert.Contains("issue", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceUnderTest.Token, detail, StringComparison.Ordinal);
        Assert.Contains(TokenFingerprint.Of(ServiceUnderTest.Token), detail, StringComparison.Ordinal);
        Assert.Contains("Are you sure?", confirm, StringComparison.Ordinal);
        Assert.Contains($"name=\"token\" value=\"{AdminCaller.Csrf}\"", confirm, StringComparison.Ordinal);
        Assert.False(service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.IsRevoked);

        var query = Query(row.Id);
        query["page"] = "license";
        var post = admin.Sign("page", AdminCaller.Body("POST", query, new JsonObject { ["action"] = "revoke" }));
        var done = await admin.SendAsync(post);

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Revoked the licence of service:7 (Jetpack request id ", done.Html, StringComparison.Ordinal);
        Assert.True(service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.IsRevoked);
        Assert.Equal(LicenseState.Revoked, (await service.Ledger.GetAsync(row.Id))!.State);
        var revokeAudit = (await service.Ledger.ListAuditAsync("service:7")).First(a => a.Operation == "revoke");
        Assert.Equal("admin 3 (alice)", revokeAudit.Actor);
        Assert.Contains("admin 3 (alice)", done.Html, StringComparison.Ordinal);

        var requests = service.Sandbox.Requests.Count;
        var auditRows = (await service.Ledger.ListAuditAsync("service:7")).Count;
        var replay = await admin.SendAsync(post);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal(requests, service.Sandbox.Requests.Count);
        Assert.Equal(auditRows, (await service.Ledger.ListAuditAsync("service:7")).Count);
    }

    [Fact]
    public async Task Attach_detach_refresh_and_reissue_each_run_their_module_function()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(8))).ResultText);
        var row = (await service.Ledger.FindBySlotAsync("service:8"))!;
        var admin = new AdminCaller(service.Http, service.Secret);

        async Task<string> Do(long id, string action, string? site = null)
        {
            var form = new JsonObject { ["action"] = action };
            if (site is not null)
            {
                form["site"] = site;
            }

            return (await admin.PostAsync("license", Query(id), form)).Html;
        }

        Assert.Contains("Nothing was done: attaching needs the site", await Do(row.Id, "attach"), StringComparison.Ordinal);
        Assert.Contains("Attached the licence of service:8", await Do(row.Id, "attach", "https://attached.example.com"), StringComparison.Ordinal);
        Assert.Equal("https://attached.example.com", service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.SiteUrl?.TrimEnd('/'));
        // The live state comes from the list endpoint, whose item carries the site (GET /license does not).
        var live = (await admin.PageAsync("license", ("id", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Html;
        Assert.Contains("<tr><th>State</th><td>attached</td></tr>", live, StringComparison.Ordinal);
        Assert.Contains("attached.example.com", live, StringComparison.Ordinal);
        Assert.Contains("Detached the licence of service:8", await Do(row.Id, "detach"), StringComparison.Ordinal);
        Assert.Contains("Refreshed the licence of service:8", await Do(row.Id, "refresh"), StringComparison.Ordinal);
        var reissued = await Do(row.Id, "reissue");
        Assert.Contains("Reissued the licence of service:8", reissued, StringComparison.Ordinal);
        var current = (await service.Ledger.FindBySlotAsync("service:8"))!;
        Assert.NotEqual(row.LicenseKey, current.LicenseKey);
        Assert.Contains($"page=license&amp;id={current.Id}\"><code>{current.LicenseKey}</code>", reissued, StringComparison.Ordinal);
        // The old row is no longer the service's licence: its page offers no action and refuses one.
        Assert.Contains("Nothing was done: licence", await Do(row.Id, "revoke"), StringComparison.Ordinal);
        Assert.False(service.Sandbox.Store.Find(ServiceUnderTest.Token, current.LicenseKey)!.IsRevoked);
        var actors = (await service.Ledger.ListAuditAsync("service:8")).Where(a => a.Operation != "issue" || a.Actor != "system").Select(a => a.Actor).Distinct().ToList();
        Assert.Contains("admin 3 (alice)", actors);
    }

    [Fact]
    public async Task An_api_failure_is_one_sentence_with_the_request_id_and_a_missing_row_is_named()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        // A licence the API has never heard of, recorded with the known token's fingerprint.
        var id = await PageRows.RecordAsync(service.Ledger, LicenseOwner.Service(9), "UNKNOWN-TO-THE-API", fingerprint: TokenFingerprint.Of(ServiceUnderTest.Token));
        var admin = new AdminCaller(service.Http, service.Secret);

        var withSettingsToken = (await admin.CallAsync("page", AdminCaller.Body(
            query: new JsonObject { ["page"] = "license", ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            settings: new JsonObject { ["api_token"] = ServiceUnderTest.Token }))).Html;
        var missing = (await admin.PageAsync("license", ("id", "999999"))).Html;

        Assert.Contains("The Jetpack API did not report this licence", withSettingsToken, StringComparison.Ordinal);
        Assert.Matches("Jetpack request id [^n<]", withSettingsToken);
        Assert.DoesNotContain(ServiceUnderTest.Token, withSettingsToken, StringComparison.Ordinal);
        Assert.Contains("The ledger holds no licence row 999999", missing, StringComparison.Ordinal);
    }
}
