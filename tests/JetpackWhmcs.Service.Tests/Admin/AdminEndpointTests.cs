using System.Net;
using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.Admin;

/// <summary>POST /admin/{action}: only signed, fresh, unreplayed calls that name an admin get through.</summary>
public sealed class AdminEndpointTests
{
    [Fact]
    public async Task A_signed_page_call_answers_html_and_a_title()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);

        var answer = await admin.PageAsync("licenses");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Licences", answer.Json?["title"]?.GetValue<string>());
        Assert.Contains("addonmodules.php?module=jetpack&amp;page=drift", answer.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_forged_stale_and_cross_function_calls_are_refused_with_401()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);
        var good = admin.Sign("page", AdminCaller.Body());

        var unsigned = await admin.SendAsync(good, withHeaders: false);
        var forged = await admin.SendAsync(good with { Signature = new string('0', 64) });
        var otherBody = await admin.SendAsync(good with { Body = "{\"admin\":{\"id\":1,\"username\":\"mallory\"}}"u8.ToArray() });
        var stale = await admin.SendAsync(admin.Sign("page", AdminCaller.Body(), DateTimeOffset.UtcNow.AddMinutes(-10)));
        // A signature made for a module call (function "page") is not one for the admin action.
        var asModule = admin.Sign("page", AdminCaller.Body());
        var moduleSigned = await admin.SendAsync(asModule with
        {
            Signature = Bridge.BridgeSignature.ComputeHex(service.Secret.Key, "page", asModule.Timestamp, asModule.Nonce, asModule.Body),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.Status);
        Assert.Contains("not signed", unsigned.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
        Assert.Contains("signature is not valid", forged.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, otherBody.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.Status);
        Assert.Contains("seconds away", stale.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, moduleSigned.Status);
    }

    [Fact]
    public async Task A_call_naming_no_admin_is_refused_and_renders_nothing()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);
        var noAdmin = AdminCaller.Body();
        noAdmin.Remove("admin");
        var blankName = AdminCaller.Body(username: " ");
        var negativeId = AdminCaller.Body(adminId: -1);

        foreach (var body in new[] { noAdmin, blankName, negativeId })
        {
            var answer = await admin.CallAsync("page", body);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Contains("names no admin", answer.Error, StringComparison.Ordinal);
            Assert.Null(answer.Json?["html"]);
        }
    }

    [Fact]
    public async Task Unknown_actions_answer_400_with_a_sentence()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);

        var unknown = await admin.CallAsync("format-disk", AdminCaller.Body());

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("is unknown", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_POST_is_refused_while_a_replayed_GET_page_is_only_read_again()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);
        var post = admin.Sign("page", AdminCaller.Body("POST", new JsonObject { ["page"] = "licenses" }, new JsonObject()));
        var get = admin.Sign("page", AdminCaller.Body(query: new JsonObject { ["page"] = "licenses" }));

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(post)).Status);
        var replayedPost = await admin.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(get)).Status);
        var replayedGet = await admin.SendAsync(get);

        Assert.Equal(HttpStatusCode.Unauthorized, replayedPost.Status);
        Assert.Contains("replayed", replayedPost.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replayedGet.Status);
    }

    [Fact]
    public async Task A_captured_revoke_sent_again_with_a_signing_header_repeated_is_refused_and_revokes_nothing()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(9))).ResultText);
        var row = (await service.Ledger.FindBySlotAsync("service:9"))!;
        var admin = new AdminCaller(service.Http, service.Secret);
        var query = new JsonObject { ["page"] = "license", ["id"] = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        // Captured, never delivered: each variant carries its own valid signature and a second value beside it.
        var captured = admin.Sign("page", AdminCaller.Body("POST", query, new JsonObject { ["action"] = "revoke" }));
        var (t, n, s) = (captured.Timestamp, captured.Nonce, captured.Signature);
        string[][] variants =
        [
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}", $"{BridgeSignature.NonceHeader.ToLowerInvariant()}: {Guid.NewGuid():N}", $"{BridgeSignature.SignatureHeader}: {s}"],
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}, {Guid.NewGuid():N}", $"{BridgeSignature.SignatureHeader}: {s}"],
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}", $"{BridgeSignature.SignatureHeader}: {s}"],
            [$"{BridgeSignature.TimestampHeader}: {t}", $"{BridgeSignature.NonceHeader}: {n}", $"{BridgeSignature.SignatureHeader}: {s}", $"{BridgeSignature.SignatureHeader.ToUpperInvariant()}: {s}"],
        ];
        var requests = service.Sandbox.Requests.Count;

        foreach (var headers in variants)
        {
            var refused = await RawHttp.SendAsync(service.Http.BaseAddress!, "/admin/page", headers.Append("Content-Type: application/json"), captured.Body);
            Assert.True(refused.Status == 401, string.Join(" | ", headers) + " => " + refused.Text);
            Assert.Contains("more than once", refused.Text, StringComparison.Ordinal);
        }

        Assert.Equal(requests, service.Sandbox.Requests.Count);
        Assert.False(service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.IsRevoked);
        // The capture itself still works once: the refusals remembered nothing.
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(captured)).Status);
        Assert.True(service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.IsRevoked);
    }

    [Fact]
    public async Task The_sidebar_and_the_widget_render_links_into_the_addon()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var admin = new AdminCaller(service.Http, service.Secret);

        var sidebar = await admin.CallAsync("sidebar", AdminCaller.Body());
        var widget = await admin.CallAsync("widget", AdminCaller.Body(adminId: 0, username: "cron"));

        Assert.Equal(HttpStatusCode.OK, sidebar.Status);
        Assert.Contains("href=\"addonmodules.php?module=jetpack&amp;page=costs\"", sidebar.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("page=license&amp;", sidebar.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, widget.Status);
        Assert.Contains("Active licences", widget.Html, StringComparison.Ordinal);
        Assert.Contains("not measured yet", widget.Html, StringComparison.Ordinal);
    }
}
