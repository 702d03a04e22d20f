using System.Text.Json.Nodes;
using JetpackWhmcs.Provisioning.Tests.Harness;
using JetpackWhmcs.Sandbox;

namespace JetpackWhmcs.Provisioning.Tests.ClientArea;

/// <summary>The customer's own actions (Activate on my site, Change site, Refresh status) over the real sandbox, ledger and WHMCS tables.</summary>
public sealed class ClientActionTests : IAsyncLifetime
{
    private ClientAreaHarness? harness;

    private ClientAreaHarness H => harness!;

    private SandboxServer Sandbox => H.Inner.Sandbox;

    public async Task InitializeAsync() => harness = await ClientAreaHarness.StartAsync();

    public async Task DisposeAsync() => await H.DisposeAsync();

    [Fact]
    public async Task Activate_attaches_to_the_own_domain_the_customer_picked_and_audits_the_client_as_actor()
    {
        var service = Services.Product(201, domain: "blog.example.com");
        var row = await H.CreateAsync(service);

        var (key, _, _) = await H.ActAsync("ClientActivate", service.With("jetpack_site", "shop.example.com"));

        Assert.Equal("success", key);
        Assert.Equal("https://shop.example.com", Sandbox.Store.Find(EngineHarness.Token, row.LicenseKey)!.SiteUrl);
        Assert.Equal("https://shop.example.com", (await H.Inner.Ledger.FindBySlotAsync("service:201"))!.AttachedSite);
        var attach = Assert.Single(await H.Inner.Ledger.ListAuditAsync(owner: "service:201"), a => a.Operation == "attach");
        Assert.Equal("client 3", attach.Actor);
    }

    [Fact]
    public async Task Activate_without_a_site_uses_the_services_own_domain_and_a_repeat_changes_nothing()
    {
        var service = Services.Product(201, domain: "blog.example.com");
        var row = await H.CreateAsync(service);

        Assert.Equal("success", (await H.ActAsync("ClientActivate", service)).Key);
        Sandbox.ClearRequests();
        Assert.Equal("success", (await H.ActAsync("ClientActivate", service)).Key);

        Assert.Equal("https://blog.example.com", Sandbox.Store.Find(EngineHarness.Token, row.LicenseKey)!.SiteUrl);
        Assert.Empty(Sandbox.Requests);
    }

    [Theory]
    [InlineData(4L, 201L, null)] // another client's claim on service 201
    [InlineData(3L, 301L, null)] // client 3 naming client 4's service
    [InlineData(3L, 201L, 99L)] // an addon that is not on service 201
    public async Task A_service_that_is_not_the_clients_own_is_refused_and_nothing_is_called(long userId, long serviceId, long? addonId)
    {
        var owned = Services.Product(201, domain: "blog.example.com");
        await H.CreateAsync(owned);
        Sandbox.ClearRequests();
        var claimed = Services.Product(serviceId, domain: "blog.example.com").With("userid", userId).With("jetpack_site", "https://evil.example.net");
        if (addonId is { } addon)
        {
            claimed = claimed.With("addonId", addon);
        }

        var (key, message, _) = await H.ActAsync("ClientActivate", claimed);

        Assert.Equal("not_yours", key);
        Assert.Contains("does not belong to your account", message, StringComparison.Ordinal);
        Assert.Empty(Sandbox.Requests);
        Assert.Null((await H.Inner.Ledger.FindBySlotAsync("service:201"))!.AttachedSite);
    }

    [Theory]
    [InlineData("not a site")]
    [InlineData("ftp://example.org")]
    [InlineData("example.org")]
    [InlineData("https://user:secret@example.org")]
    [InlineData("https://example.org/?p=1")]
    [InlineData("javascript:alert(1)")]
    [InlineData("<script>x</script>.example.org")]
    [InlineData("0")]
    public async Task A_typed_site_that_is_no_site_address_is_refused_with_the_sentence_saying_what_to_type(string typed)
    {
        var service = Services.Product(201, domain: "blog.example.com");
        var row = await H.CreateAsync(service);
        Sandbox.ClearRequests();

        var (key, message, args) = await H.ActAsync("ClientActivate", service.With("jetpack_site", typed));

        Assert.Equal("site_invalid", key);
        Assert.Contains("type the full address starting with https://", message, StringComparison.Ordinal);
        Assert.Equal(typed, args["site"]!.GetValue<string>());
        Assert.Empty(Sandbox.Requests);
        Assert.Equal(row with { }, await H.Inner.Ledger.FindBySlotAsync("service:201"));
    }

    [Theory]
    [InlineData("https://staging.example.org/blog/", "https://staging.example.org/blog")]
    [InlineData("http://staging.example.org", "http://staging.example.org")]
    [InlineData("123456", "123456")]
    [InlineData("staging.example.org::blog", "staging.example.org::blog")]
    public async Task Each_documented_site_form_is_accepted_and_sent_as_typed(string typed, string sent)
    {
        var service = Services.Product(201, domain: "blog.example.com");
        await H.CreateAsync(service);

        Assert.Equal("success", (await H.ActAsync("ClientActivate", service.With("jetpack_site", typed))).Key);

        Assert.Equal(sent, (await H.Inner.Ledger.FindBySlotAsync("service:201"))!.AttachedSite);
    }

    [Fact]
    public async Task Change_site_detaches_without_the_cancellation_email_then_attaches_to_the_new_site()
    {
        var service = Services.Product(201, domain: "blog.example.com");
        var row = await H.CreateAsync(service);
        Assert.Equal("success", (await H.ActAsync("ClientActivate", service.With("jetpack_site", "https://staging.example.org"))).Key);
        Sandbox.ClearRequests();

        Assert.Equal("success", (await H.ActAsync("ClientChangeSite", service.With("jetpack_site", "blog.example.com"))).Key);

        var detach = Assert.Single(Sandbox.Requests, r => r.Endpoint == SandboxEndpoint.DetachLicense);
        Assert.Contains("cancellation_email=0", detach.QueryString, StringComparison.Ordinal);
        Assert.Equal("https://blog.example.com", Sandbox.Store.Find(EngineHarness.Token, row.LicenseKey)!.SiteUrl);
        Assert.Equal("https://blog.example.com", (await H.Inner.Ledger.FindBySlotAsync("service:201"))!.AttachedSite);
        Assert.All(
            (await H.Inner.Ledger.ListAuditAsync(owner: "service:201")).Where(a => a.Operation is "attach" or "detach"),
            a => Assert.Equal("client 3", a.Actor));
    }

    [Fact]
    public async Task Change_site_without_a_site_is_refused_and_keeps_the_licence_where_it_is()
    {
        var service = Services.Product(201, domain: "blog.example.com");
        await H.CreateAsync(service);
        Assert.Equal("success", (await H.ActAsync("ClientActivate", service)).Key);
        Sandbox.ClearRequests();

        Assert.Equal("site_missing", (await H.ActAsync("ClientChangeSite", service)).Key);
        Assert.Equal("site_invalid", (await H.ActAsync("ClientChangeSite", service.With("jetpack_site", "nope"))).Key);

        Assert.Empty(Sandbox.Requests);
        Assert.Equal("https://blog.example.com", (await H.Inner.Ledger.FindBySlotAsync("service:201"))!.AttachedSite);
    }

    [Fact]
    public async Task Change_site_converges_when_the_detach_and_attach_answers_were_lost()
    {
        var service = Services.Product(201, domain: "blog.example.com");
        var row = await H.CreateAsync(service);
        Assert.Equal("success", (await H.ActAsync("ClientActivate", service)).Key);

        Sandbox.Faults.FailNext(SandboxEndpoint.DetachLicense, 1, FaultKind.LostAnswerHttp500);
        Sandbox.Faults.FailNext(SandboxEndpoint.AttachLicense, 1, FaultKind.LostAnswerDropConnection);
        Assert.Equal("success", (await H.ActAsync("ClientChangeSite", service.With("jetpack_site", "https://www.example.org"))).Key);

        Assert.Equal("https://www.example.org", Sandbox.Store.Find(EngineHarness.Token, row.LicenseKey)!.SiteUrl);
        Assert.Equal("https://www.example.org", (await H.Inner.Ledger.FindBySlotAsync("service:201"))!.AttachedSite);
        var audit = await H.Inner.Ledger.ListAuditAsync(owner: "service:201");
        Assert.Contains(audit, a => a.Operation == "detach" && a.Outcome == "unknown" && a.Actor == "client 3");
        Assert.Contains(audit, a => a.Operation == "attach" && a.Outcome == "unknown" && a.Actor == "client 3");

        // Retried after the lost answers: already there, nothing more is sent.
        Sandbox.ClearRequests();
        Assert.Equal("success", (await H.ActAsync("ClientChangeSite", service.With("jetpack_site", "https://www.example.org"))).Key);
        Assert.DoesNotContain(Sandbox.Requests, r => r.Endpoint is SandboxEndpoint.AttachLicense or SandboxEndpoint.DetachLicense);
    }

    [Fact]
    public async Task Changes_are_limited_per_service_by_the_addon_setting_and_admin_changes_do_not_count()
    {
        await H.SetAddonSettingAsync("client_changes_per_day", "2");
        var service = Services.Product(201, domain: "blog.example.com");
        await H.CreateAsync(service);
        // An admin's attach and detach are not the client's changes.
        Assert.Equal("success", await H.CallAsync("AttachLicense", service));
        Assert.Equal("success", await H.CallAsync("DetachLicense", service));

        Assert.Equal("success", (await H.ActAsync("ClientActivate", service.With("jetpack_site", "https://one.example.org"))).Key);
        Assert.Equal("success", (await H.ActAsync("ClientChangeSite", service.With("jetpack_site", "https://two.example.org"))).Key);
        Sandbox.ClearRequests();
        var (key, message, args) = await H.ActAsync("ClientChangeSite", service.With("jetpack_site", "https://three.example.org"));

        Assert.Equal("rate_limited", key);
        Assert.Contains("2 times in the last 24 hours", message, StringComparison.Ordinal);
        Assert.Equal("2", args["limit"]!.GetValue<string>());
        Assert.Empty(Sandbox.Requests);
        Assert.Equal("https://two.example.org", (await H.Inner.Ledger.FindBySlotAsync("service:201"))!.AttachedSite);
        // Refresh status is no change: still allowed.
        Assert.Equal("success", (await H.ActAsync("ClientRefreshStatus", service)).Key);
    }

    [Fact]
    public async Task Tries_jetpack_refused_do_not_use_up_the_changes_but_are_bounded_too()
    {
        await H.SetAddonSettingAsync("client_changes_per_day", "1");
        var service = Services.Product(201, domain: "http://blog.example.com");
        await H.CreateAsync(service);
        Sandbox.Store.MarkSiteNotConnected("http://blog.example.com");

        // The customer presses Activate before connecting Jetpack: refused, and refused again.
        Assert.Equal("not_connected", (await H.ActAsync("ClientActivate", service)).Key);
        Assert.Equal("not_connected", (await H.ActAsync("ClientActivate", service)).Key);

        // Those changed nothing, so the one change of the day is still there for a connected site.
        Assert.Equal("success", (await H.ActAsync("ClientActivate", service.With("jetpack_site", "https://connected.example.org"))).Key);
        Assert.Equal("rate_limited", (await H.ActAsync("ClientChangeSite", service.With("jetpack_site", "https://other.example.org"))).Key);

        // With a limit of 1 a service gets 4 tries in all: the 4th refused try is the last one sent.
        var second = Services.Product(202, domain: "http://shop.example.com");
        await H.CreateAsync(second);
        Sandbox.Store.MarkSiteNotConnected("http://shop.example.com");
        for (var i = 0; i < ClientChangeLimitTries; i++)
        {
            Assert.Equal("not_connected", (await H.ActAsync("ClientActivate", second)).Key);
        }

        Sandbox.ClearRequests();
        var (key, message, args) = await H.ActAsync("ClientActivate", second);
        Assert.Equal("too_many_tries", key);
        Assert.Contains("4 tries in the last 24 hours", message, StringComparison.Ordinal);
        Assert.Equal("4", args["tries"]!.GetValue<string>());
        Assert.Empty(Sandbox.Requests);
    }

    private const int ClientChangeLimitTries = 4;

    [Fact]
    public async Task The_limit_counts_only_the_last_24_hours()
    {
        await H.SetAddonSettingAsync("client_changes_per_day", "1");
        var service = Services.Product(201, domain: "blog.example.com");
        await H.CreateAsync(service);
        Assert.Equal("success", (await H.ActAsync("ClientActivate", service.With("jetpack_site", "https://one.example.org"))).Key);
        Assert.Equal("rate_limited", (await H.ActAsync("ClientChangeSite", service.With("jetpack_site", "https://two.example.org"))).Key);

        // A day later (the audit's own times moved back, no margin switched off).
        await H.Inner.Database.ExecuteAsync("UPDATE jetpack_whmcs_audit SET at = @At", new { At = DateTime.UtcNow.AddHours(-25) });

        Assert.Equal("success", (await H.ActAsync("ClientChangeSite", service.With("jetpack_site", "https://two.example.org"))).Key);
    }

    [Fact]
    public async Task A_limit_of_zero_turns_self_service_changes_off()
    {
        await H.SetAddonSettingAsync("client_changes_per_day", "0");
        var service = Services.Product(201, domain: "blog.example.com");
        await H.CreateAsync(service);
        Sandbox.ClearRequests();

        Assert.Equal("changes_off", (await H.ActAsync("ClientActivate", service)).Key);
        Assert.DoesNotContain(Sandbox.Requests, r => r.Endpoint == SandboxEndpoint.AttachLicense);
    }

    [Fact]
    public async Task A_site_not_connected_gets_the_activation_steps_and_refresh_picks_up_the_attachment_once_the_site_used_the_key()
    {
        var service = Services.Product(201, domain: "http://blog.example.com");
        var row = await H.CreateAsync(service);
        Sandbox.Store.MarkSiteNotConnected("http://blog.example.com");

        var (key, message, args) = await H.ActAsync("ClientActivate", service);

        Assert.Equal("not_connected", key);
        Assert.Equal("http://blog.example.com/wp-admin/admin.php?page=jetpack#/license/activation", args["activation_url"]!.GetValue<string>());
        Assert.Contains("press Refresh status", message, StringComparison.Ordinal);
        Assert.Null((await H.Inner.Ledger.FindBySlotAsync("service:201"))!.AttachedSite);

        Sandbox.Store.UseKeyOnSiteDirect(EngineHarness.Token, row.LicenseKey, "http://blog.example.com");
        Assert.Equal("success", (await H.ActAsync("ClientRefreshStatus", service)).Key);

        var refreshed = (await H.Inner.Ledger.FindBySlotAsync("service:201"))!;
        Assert.Equal("http://blog.example.com", refreshed.AttachedSite);
        Assert.Null(refreshed.LastError);
    }

    [Fact]
    public async Task An_api_failure_shows_the_customer_what_to_do_with_the_request_id()
    {
        var service = Services.Product(201, domain: "blog.example.com");
        await H.CreateAsync(service);
        Sandbox.Faults.FailNext(SandboxEndpoint.AttachLicense, 1, FaultKind.Failure);

        var result = await H.InvokeAsync("ClientActivate", service);
        var body = (JsonObject)result.Value!;

        Assert.Equal("failed_with_id", body["key"]!.GetValue<string>());
        Assert.NotNull(result.RequestId);
        Assert.Contains(result.RequestId!, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspended_service_cannot_change_its_site()
    {
        var service = Services.Product(203, domain: "paused.example.com");
        await H.CreateAsync(service);
        Sandbox.ClearRequests();

        var (key, message, _) = await H.ActAsync("ClientActivate", service);

        Assert.Equal("not_active", key);
        Assert.Contains("pay any open invoice or contact support", message, StringComparison.Ordinal);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public async Task Without_whmcs_tables_nothing_can_be_verified_so_nothing_is_done()
    {
        // The default engine (embedded ledger: no WHMCS tables).
        var service = Services.Product(201, domain: "blog.example.com");
        Assert.Equal("success", await H.Inner.CallAsync("CreateAccount", service));
        H.Inner.Sandbox.ClearRequests();

        var body = (JsonObject)(await H.Inner.InvokeAsync("ClientActivate", service)).Value!;

        Assert.Equal("unavailable", body["key"]!.GetValue<string>());
        Assert.Empty(H.Inner.Sandbox.Requests);
    }
}
