using System.Net;
using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.Admin;

public sealed class OperatorPageTests
{
    private static readonly Dictionary<string, string?> KnownToken = new() { ["Tokens:0"] = ServiceUnderTest.Token };

    [Fact]
    public async Task A_drift_run_started_on_the_page_finishes_in_the_background_and_a_fix_asks_for_confirmation_first()
    {
        await using var service = await ServiceUnderTest.StartAsync(settings: KnownToken);
        var admin = new AdminCaller(service.Http, service.Secret);
        var unknown = service.Sandbox.Store.IssueDirect(ServiceUnderTest.Token, "jetpack-scan");

        var empty = await admin.PageAsync("drift");
        var started = await admin.PostAsync("drift", new JsonObject(), new JsonObject { ["do"] = "start" });
        var page = await WaitForFinishedAsync(admin);

        Assert.Contains("No drift check has finished yet", empty.Html, StringComparison.Ordinal);
        Assert.Contains($"name=\"token\" value=\"{AdminCaller.Csrf}\"", empty.Html, StringComparison.Ordinal);
        Assert.Contains("started: you can leave this page", started.Html, StringComparison.Ordinal);
        Assert.Contains(unknown.LicenseKey, page.Html, StringComparison.Ordinal);
        Assert.Contains("Adopt or revoke", page.Html, StringComparison.Ordinal);
        Assert.Contains("not looked for: WHMCS&#x27;s tables are not available", page.Html, StringComparison.Ordinal);

        var checkId = Between(page.Html, "name=\"check\" value=\"", "\"");
        var fix = new JsonObject { ["do"] = "fix", ["check"] = checkId, ["finding"] = $"unknown:{unknown.LicenseKey}" };
        var asked = await admin.PostAsync("drift", new JsonObject(), fix.DeepClone().AsObject());
        Assert.Contains("Confirm: Adopt or revoke", asked.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"confirm\" value=\"yes\"", asked.Html, StringComparison.Ordinal);
        Assert.False(service.Sandbox.Store.Find(ServiceUnderTest.Token, unknown.LicenseKey)!.IsRevoked);

        fix["confirm"] = "yes";
        var confirmed = await admin.PostAsync("drift", new JsonObject(), fix);
        // Issued a moment ago: a call in flight may still be about to record it, so reconcile's margin refuses to revoke it yet.
        Assert.Contains("issued too recently", confirmed.Html, StringComparison.Ordinal);
        Assert.False(service.Sandbox.Store.Find(ServiceUnderTest.Token, unknown.LicenseKey)!.IsRevoked);
    }

    [Fact]
    public async Task The_costs_page_sums_the_partners_price_over_billed_licences_and_says_why_revenue_is_missing()
    {
        await using var service = await ServiceUnderTest.StartAsync(settings: KnownToken);
        var admin = new AdminCaller(service.Http, service.Secret);
        foreach (var id in new[] { 1L, 2L })
        {
            Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(id))).ResultText);
        }

        var costs = await admin.PageAsync("costs");
        var widget = await admin.CallAsync("widget", AdminCaller.Body(adminId: 0, username: "cron"));

        Assert.Equal(HttpStatusCode.OK, costs.Status);
        Assert.Contains("<th class=\"text-right jw-total-cost\">USD 7.90</th>", costs.Html, StringComparison.Ordinal);
        Assert.Contains("Selling prices and revenue are not shown: WHMCS&#x27;s tables are not available", costs.Html, StringComparison.Ordinal);
        Assert.Contains("USD 3.95", costs.Html, StringComparison.Ordinal);
        Assert.Contains("USD 7.90", widget.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_products_page_says_why_it_cannot_list_and_a_posted_token_is_never_shown()
    {
        await using var service = await ServiceUnderTest.StartAsync(settings: KnownToken);
        var admin = new AdminCaller(service.Http, service.Secret);

        var page = await admin.PageAsync("products");
        var rotated = await admin.PostAsync("products", new JsonObject(), new JsonObject { ["do"] = "rotate", ["new_token"] = ServiceUnderTest.Token, ["confirm"] = "yes" });
        var unconfirmed = await admin.PostAsync("products", new JsonObject(), new JsonObject { ["do"] = "rotate", ["new_token"] = "<script>alert(1)</script>" });

        Assert.Contains("WHMCS&#x27;s tables are not available on the embedded SQLite ledger", page.Html, StringComparison.Ordinal);
        Assert.Contains("alert-danger", rotated.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceUnderTest.Token, rotated.Html, StringComparison.Ordinal);
        Assert.Contains("Tick the box", unconfirmed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", unconfirmed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", unconfirmed.Html, StringComparison.Ordinal);
    }

    private static async Task<AdminCaller.Answer> WaitForFinishedAsync(AdminCaller admin)
    {
        for (var i = 0; i < 200; i++)
        {
            var page = await admin.PageAsync("drift");
            if (!page.Html.Contains("is running", StringComparison.Ordinal) && page.Html.Contains("<h3>Check", StringComparison.Ordinal))
            {
                return page;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The drift check did not finish within 20 seconds.");
    }

    private static string Between(string text, string start, string end)
    {
        var at = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[at..text.IndexOf(end, at, StringComparison.Ordinal)];
    }
}
