using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Tests.Harness;
using JetpackWhmcs.Sandbox;

namespace JetpackWhmcs.Provisioning.Tests.Lifecycle;

/// <summary>Every module function over the real sandbox and a real ledger; run on SQLite and MariaDB.</summary>
public abstract class ModuleFunctionTests : IAsyncLifetime
{
    private EngineHarness? harness;

    protected abstract LedgerProvider Provider { get; }

    private EngineHarness H => harness!;

    public async Task InitializeAsync() => harness = await EngineHarness.StartAsync(Provider);

    public async Task DisposeAsync() => await H.DisposeAsync();

    [Fact]
    public async Task CreateAccount_issues_one_licence_and_a_repeat_answers_success_without_a_second()
    {
        var service = Services.Product(101);
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));

        var licence = Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
        var row = await H.Ledger.FindBySlotAsync("service:101");
        Assert.NotNull(row);
        Assert.Equal(LicenseState.Active, row.State);
        Assert.Equal(licence.LicenseKey, row.LicenseKey);
        Assert.Equal(licence.LicenseId, row.JetpackLicenseId);
        Assert.Equal("jetpack-backup-daily", row.ProductSlug);
        Assert.Equal(101, row.ServiceId);
        Assert.Equal(500, row.OrderId);
        Assert.Equal(9, row.ProductId);
        Assert.StartsWith("jetpack-backup-daily_", row.LicenseKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_addons_on_one_parent_service_each_get_their_own_licence_and_see_their_own_key()
    {
        var parent = Services.Product(200, "jetpack-security-daily");
        var scan = Services.Addon(200, 31, "jetpack-scan");
        var antiSpam = Services.Addon(200, 32, "jetpack-anti-spam");
        Assert.Equal("success", await H.CallAsync("CreateAccount", parent));
        Assert.Equal("success", await H.CallAsync("CreateAccount", scan));
        Assert.Equal("success", await H.CallAsync("CreateAccount", antiSpam));

        Assert.Equal(3, H.LiveLicenses().Count);
        var parentRow = (await H.Ledger.FindBySlotAsync("service:200"))!;
        var scanRow = (await H.Ledger.FindBySlotAsync("addon:31"))!;
        var spamRow = (await H.Ledger.FindBySlotAsync("addon:32"))!;
        Assert.Equal(3, new[] { parentRow.LicenseKey, scanRow.LicenseKey, spamRow.LicenseKey }.Distinct().Count());
        Assert.Equal(200, scanRow.ServiceId);
        Assert.Equal(31, scanRow.AddonId);
        Assert.StartsWith("jetpack-scan_", scanRow.LicenseKey, StringComparison.Ordinal);
        Assert.StartsWith("jetpack-anti-spam_", spamRow.LicenseKey, StringComparison.Ordinal);

        Assert.Equal(parentRow.LicenseKey, await ClientKeyAsync(parent));
        Assert.Equal(scanRow.LicenseKey, await ClientKeyAsync(scan));
        Assert.Equal(spamRow.LicenseKey, await ClientKeyAsync(antiSpam));

        // Terminating one addon leaves its sibling and the parent alone.
        Assert.Equal("success", await H.CallAsync("TerminateAccount", scan));
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, scanRow.LicenseKey)!.IsRevoked);
        Assert.False(H.Sandbox.Store.Find(EngineHarness.Token, spamRow.LicenseKey)!.IsRevoked);
        Assert.False(H.Sandbox.Store.Find(EngineHarness.Token, parentRow.LicenseKey)!.IsRevoked);
        Assert.Equal("revoked", (await ClientVarsAsync(scan))["state"]!.GetValue<string>());
        Assert.Equal(spamRow.LicenseKey, await ClientKeyAsync(antiSpam));
    }

    [Fact]
    public async Task TerminateAccount_revokes_records_revoked_at_and_is_success_when_repeated()
    {
        var service = Services.Product(102);
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var key = (await H.Ledger.FindBySlotAsync("service:102"))!.LicenseKey;

        Assert.Equal("success", await H.CallAsync("TerminateAccount", service));
        var revoked = H.Sandbox.Store.Find(EngineHarness.Token, key)!;
        Assert.True(revoked.IsRevoked);
        Assert.Null(await H.Ledger.FindBySlotAsync("service:102"));
        var row = Assert.Single(await H.Ledger.FindByOwnerAsync(LicenseOwner.Service(102)));
        Assert.Equal(LicenseState.Revoked, row.State);
        Assert.Equal(revoked.RevokedAt!.Value.UtcDateTime, row.RevokedAt);

        Assert.Equal("success", await H.CallAsync("TerminateAccount", service));
    }

    [Fact]
    public async Task TerminateAccount_for_a_service_that_never_had_a_licence_answers_a_sentence()
    {
        var answer = await H.CallAsync("TerminateAccount", Services.Product(103));
        Assert.Contains("never had a Jetpack licence", answer, StringComparison.Ordinal);
        Assert.Empty(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
    }

    [Fact]
    public async Task TerminateAccount_converges_when_the_revoke_answer_was_lost()
    {
        var service = Services.Product(104);
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var key = (await H.Ledger.FindBySlotAsync("service:104"))!.LicenseKey;
        H.Sandbox.Faults.FailNext(SandboxEndpoint.RevokeLicense, 1, FaultKind.LostAnswerHttp500);

        Assert.Equal("success", await H.CallAsync("TerminateAccount", service));
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsRevoked);
        Assert.Equal(LicenseState.Revoked, (await H.Ledger.FindByKeyAsync(key))!.State);
        var audit = await H.Ledger.ListAuditAsync(licenseKey: key);
        Assert.Contains(audit, a => a.Operation == "revoke" && a.Outcome == "unknown");
        Assert.Contains(audit, a => a.Operation is "get" or "list" && a.Outcome == "ok");
    }

    [Fact]
    public async Task A_retried_terminate_after_the_licence_was_revoked_without_a_ledger_write_records_it()
    {
        var service = Services.Product(105);
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var key = (await H.Ledger.FindBySlotAsync("service:105"))!.LicenseKey;
        H.Sandbox.Store.RevokeDirect(EngineHarness.Token, key);

        // The API answers "already revoked": the engine reads the licence and records it.
        Assert.Equal("success", await H.CallAsync("TerminateAccount", service));
        Assert.Equal(LicenseState.Revoked, (await H.Ledger.FindByKeyAsync(key))!.State);
    }

    [Fact]
    public async Task Suspend_with_the_detach_policy_detaches_and_unsuspend_attaches_again()
    {
        var service = Services.Product(106, domain: "shop.example.com", policy: "detach", attachOnCreate: "on");
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var key = (await H.Ledger.FindBySlotAsync("service:106"))!.LicenseKey;
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsAttached);

        Assert.Equal("success", await H.CallAsync("SuspendAccount", service));
        Assert.False(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsAttached);
        var suspended = (await H.Ledger.FindBySlotAsync("service:106"))!;
        Assert.Null(suspended.AttachedSite);
        Assert.Equal("https://shop.example.com", suspended.SuspendedSite);
        Assert.Equal("success", await H.CallAsync("SuspendAccount", service));

        Assert.Equal("success", await H.CallAsync("UnsuspendAccount", service));
        var attached = H.Sandbox.Store.Find(EngineHarness.Token, key)!;
        Assert.True(attached.IsAttached);
        Assert.Contains("shop.example.com", attached.SiteUrl, StringComparison.Ordinal);
        var row = (await H.Ledger.FindBySlotAsync("service:106"))!;
        Assert.Null(row.SuspendedSite);
        Assert.Equal("https://shop.example.com", row.AttachedSite);
    }

    [Fact]
    public async Task Suspend_with_the_default_policy_keeps_the_licence_attached()
    {
        var service = Services.Product(107, domain: "keep.example.com", attachOnCreate: "on");
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var key = (await H.Ledger.FindBySlotAsync("service:107"))!.LicenseKey;

        Assert.Equal("success", await H.CallAsync("SuspendAccount", service.With("configoption4", "")));
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsAttached);
        Assert.Equal("success", await H.CallAsync("UnsuspendAccount", service.With("configoption4", "")));
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsAttached);
    }

    [Fact]
    public async Task ChangePackage_to_another_product_issues_it_moves_the_site_and_revokes_the_old_one()
    {
        var service = Services.Product(108, domain: "move.example.com", attachOnCreate: "on");
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var oldKey = (await H.Ledger.FindBySlotAsync("service:108"))!.LicenseKey;

        var upgraded = service.With("configoption2", "jetpack-complete");
        Assert.Equal("success", await H.CallAsync("ChangePackage", upgraded));

        var row = (await H.Ledger.FindBySlotAsync("service:108"))!;
        Assert.StartsWith("jetpack-complete_", row.LicenseKey, StringComparison.Ordinal);
        Assert.Equal("jetpack-complete", row.ProductSlug);
        Assert.Equal("https://move.example.com", row.AttachedSite);
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, oldKey)!.IsRevoked);
        var fresh = H.Sandbox.Store.Find(EngineHarness.Token, row.LicenseKey)!;
        Assert.True(fresh.IsAttached);
        Assert.False(fresh.IsRevoked);
        Assert.Null(await H.Ledger.FindBySlotAsync("service:108#next"));
        Assert.Equal(LicenseState.Revoked, (await H.Ledger.FindByKeyAsync(oldKey))!.State);

        // The same product again is a no-op.
        var before = H.Sandbox.Store.LicensesOf(EngineHarness.Token).Count;
        Assert.Equal("success", await H.CallAsync("ChangePackage", upgraded));
        Assert.Equal(before, H.Sandbox.Store.LicensesOf(EngineHarness.Token).Count);
    }

    [Fact]
    public async Task ChangePackage_finishes_on_retry_after_the_old_revoke_failed()
    {
        var service = Services.Product(109);
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var oldKey = (await H.Ledger.FindBySlotAsync("service:109"))!.LicenseKey;
        H.Sandbox.Faults.FailNext(SandboxEndpoint.RevokeLicense, 1, FaultKind.Failure);
        H.Sandbox.Faults.FailNext(SandboxEndpoint.GetLicense, 4, FaultKind.Failure);

        var upgraded = service.With("configoption2", "jetpack-scan");
        var first = await H.CallAsync("ChangePackage", upgraded);
        Assert.NotEqual("success", first);
        Assert.Contains("revoke", first, StringComparison.Ordinal);

        Assert.Equal("success", await H.CallAsync("ChangePackage", upgraded));
        var live = Assert.Single(H.LiveLicenses());
        Assert.StartsWith("jetpack-scan_", live.LicenseKey, StringComparison.Ordinal);
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, oldKey)!.IsRevoked);
        Assert.Equal(live.LicenseKey, (await H.Ledger.FindBySlotAsync("service:109"))!.LicenseKey);
    }

    [Fact]
    public async Task Renew_is_success_and_reports_a_licence_revoked_outside_whmcs()
    {
        var service = Services.Product(110);
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        Assert.Equal("success", await H.CallAsync("Renew", service));

        var key = (await H.Ledger.FindBySlotAsync("service:110"))!.LicenseKey;
        H.Sandbox.Store.RevokeDirect(EngineHarness.Token, key);
        var answer = await H.CallAsync("Renew", service);
        Assert.Contains("revoked outside WHMCS", answer, StringComparison.Ordinal);
        Assert.Equal(LicenseState.Revoked, (await H.Ledger.FindByKeyAsync(key))!.State);
    }

    [Fact]
    public async Task Attach_detach_refresh_and_reissue_buttons_change_the_sandbox_and_the_ledger()
    {
        var service = Services.Product(111, domain: "http://blog.example.org/");
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var key = (await H.Ledger.FindBySlotAsync("service:111"))!.LicenseKey;

        Assert.Equal("success", await H.CallAsync("AttachLicense", service));
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsAttached);
        Assert.Equal("http://blog.example.org", (await H.Ledger.FindBySlotAsync("service:111"))!.AttachedSite);

        Assert.Equal("success", await H.CallAsync("DetachLicense", service));
        Assert.False(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsAttached);
        Assert.Null((await H.Ledger.FindBySlotAsync("service:111"))!.AttachedSite);

        // Attached behind WHMCS's back: Refresh Status records it.
        H.Sandbox.Store.AttachDirect(EngineHarness.Token, key, "https://elsewhere.example.net");
        Assert.Equal("success", await H.CallAsync("RefreshStatus", service));
        Assert.NotNull((await H.Ledger.FindBySlotAsync("service:111"))!.AttachedSite);

        Assert.Equal("success", await H.CallAsync("ReissueLicense", service));
        var row = (await H.Ledger.FindBySlotAsync("service:111"))!;
        Assert.NotEqual(key, row.LicenseKey);
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsRevoked);
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, row.LicenseKey)!.IsAttached);
        Assert.Single(H.LiveLicenses());
    }

    [Fact]
    public async Task Attach_and_detach_converge_when_their_answers_were_lost()
    {
        var service = Services.Product(117, domain: "lost.example.com");
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var key = (await H.Ledger.FindBySlotAsync("service:117"))!.LicenseKey;

        H.Sandbox.Faults.FailNext(SandboxEndpoint.AttachLicense, 1, FaultKind.LostAnswerDropConnection);
        Assert.Equal("success", await H.CallAsync("AttachLicense", service));
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsAttached);
        Assert.Equal("https://lost.example.com", (await H.Ledger.FindBySlotAsync("service:117"))!.AttachedSite);

        // A retry of the same button after the answer was lost: the API says "already attached", the engine reads it.
        Assert.Equal("success", await H.CallAsync("AttachLicense", service));

        H.Sandbox.Faults.FailNext(SandboxEndpoint.DetachLicense, 1, FaultKind.LostAnswerHttp500);
        Assert.Equal("success", await H.CallAsync("DetachLicense", service));
        Assert.False(H.Sandbox.Store.Find(EngineHarness.Token, key)!.IsAttached);
        Assert.Null((await H.Ledger.FindBySlotAsync("service:117"))!.AttachedSite);
        Assert.Contains(await H.Ledger.ListAuditAsync(licenseKey: key), a => a.Operation == "detach" && a.Outcome == "unknown");
    }

    [Fact]
    public async Task Attach_without_a_domain_answers_a_sentence_and_calls_nothing()
    {
        var service = Services.Product(112);
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        H.Sandbox.ClearRequests();
        var answer = await H.CallAsync("AttachLicense", service);
        Assert.Contains("no domain", answer, StringComparison.Ordinal);
        Assert.Empty(H.Sandbox.Requests);
    }

    [Fact]
    public async Task Attach_refused_by_the_api_answers_a_sentence_with_the_request_id()
    {
        var service = Services.Product(113, domain: "a.example.com");
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var key = (await H.Ledger.FindBySlotAsync("service:113"))!.LicenseKey;
        H.Sandbox.Store.AttachDirect(EngineHarness.Token, key, "https://other.example.com");

        var result = await H.InvokeAsync("AttachLicense", service);
        var answer = result.Value!.GetValue<string>();
        Assert.Equal(ModuleOutcome.Error, result.Outcome);
        Assert.Contains("already attached", answer, StringComparison.Ordinal);
        Assert.Contains("request id", answer, StringComparison.Ordinal);
        Assert.NotNull(result.RequestId);
        Assert.Contains(result.RequestId!, answer, StringComparison.Ordinal);
        Assert.Equal(answer, (await H.Ledger.FindBySlotAsync("service:113"))!.LastError);
    }

    [Fact]
    public async Task AdminServicesTabFields_shows_key_state_product_times_site_and_licence_id()
    {
        var service = Services.Product(114, domain: "tab.example.com", attachOnCreate: "on");
        var empty = (JsonObject)(await H.InvokeAsync("AdminServicesTabFields", service)).Value!;
        Assert.Equal("No License Key Found", empty["License Key"]!.GetValue<string>());

        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var row = (await H.Ledger.FindBySlotAsync("service:114"))!;
        var fields = (JsonObject)(await H.InvokeAsync("AdminServicesTabFields", service)).Value!;
        Assert.Equal(row.LicenseKey, fields["License Key"]!.GetValue<string>());
        Assert.Equal("active", fields["License State"]!.GetValue<string>());
        Assert.Equal("jetpack-backup-daily", fields["Jetpack Product"]!.GetValue<string>());
        Assert.EndsWith("UTC", fields["Issued At"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("UTC", fields["Attached At"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("https://tab.example.com", fields["Attached Site"]!.GetValue<string>());
        Assert.Equal(row.JetpackLicenseId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["Jetpack License ID"]!.GetValue<string>());
        Assert.Equal("", fields["Revoked At"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientArea_shows_the_key_with_activation_link_only_when_the_setting_is_on()
    {
        var service = Services.Product(115, domain: "http://wp.example.com/blog/");
        var none = await ClientVarsAsync(service);
        Assert.Equal("none", none["state"]!.GetValue<string>());
        Assert.Equal("", none["license_key"]!.GetValue<string>());
        Assert.NotEqual("", none["message"]!.GetValue<string>());

        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var vars = await ClientVarsAsync(service);
        Assert.Equal((await H.Ledger.FindBySlotAsync("service:115"))!.LicenseKey, vars["license_key"]!.GetValue<string>());
        Assert.Equal("active", vars["state"]!.GetValue<string>());
        Assert.NotEqual("jetpack-backup-daily", vars["product_name"]!.GetValue<string>());
        Assert.Equal("http://wp.example.com/blog/wp-admin/admin.php?page=jetpack#/license/activation", vars["activation_url"]!.GetValue<string>());
        Assert.StartsWith("https://jetpack.com/", vars["getting_started_url"]!.GetValue<string>(), StringComparison.Ordinal);

        var https = await ClientVarsAsync(service.With("domain", "wp.example.com"));
        Assert.Equal("https://wp.example.com/wp-admin/admin.php?page=jetpack#/license/activation", https["activation_url"]!.GetValue<string>());

        var off = (JsonObject)(await H.InvokeAsync("ClientArea", service.With("configoption3", ""))).Value!;
        Assert.Empty(off);
    }

    [Fact]
    public async Task Static_functions_answer_the_shapes_whmcs_expects()
    {
        var meta = (JsonObject)(await H.InvokeAsync("MetaData", new Dictionary<string, object?>())).Value!;
        Assert.Equal("Jetpack Provisioning", meta["DisplayName"]!.GetValue<string>());
        Assert.Equal("1.1", meta["APIVersion"]!.GetValue<string>());
        Assert.False(meta["RequiresServer"]!.GetValue<bool>());

        var config = (JsonObject)(await H.InvokeAsync("ConfigOptions", new Dictionary<string, object?>())).Value!;
        var names = config.Select(p => p.Key).ToList();
        Assert.Equal(["API Token", "Jetpack Product", "Show User License"], names.Take(3));
        Assert.Equal("password", config["API Token"]!["Type"]!.GetValue<string>());
        Assert.Equal("dropdown", config["Jetpack Product"]!["Type"]!.GetValue<string>());
        Assert.Equal("LoadProducts", config["Jetpack Product"]!["Loader"]!.GetValue<string>());
        Assert.Equal("yesno", config["Show User License"]!["Type"]!.GetValue<string>());
        Assert.Equal(6, names.Count);

        var buttons = (JsonObject)(await H.InvokeAsync("AdminCustomButtonArray", new Dictionary<string, object?>())).Value!;
        Assert.Equal("AttachLicense", buttons["Attach License"]!.GetValue<string>());
        Assert.Equal("DetachLicense", buttons["Detach License"]!.GetValue<string>());
        Assert.Equal("RefreshStatus", buttons["Refresh Status"]!.GetValue<string>());
        Assert.Equal("ReissueLicense", buttons["Reissue License"]!.GetValue<string>());

        var products = (JsonObject)(await H.InvokeAsync("LoadProducts", new Dictionary<string, object?>())).Value!;
        Assert.True(products.ContainsKey("jetpack-backup-daily"));
        Assert.True(products.ContainsKey("jetpack-complete"));
        Assert.False(products.ContainsKey("error"));
    }

    [Fact]
    public async Task LoadProducts_failure_is_an_error_object()
    {
        H.Sandbox.Faults.FailNext(SandboxEndpoint.ProductFamilies, 10, FaultKind.Failure);
        var result = await H.InvokeAsync("LoadProducts", new Dictionary<string, object?>());
        Assert.Equal(ModuleOutcome.Error, result.Outcome);
        Assert.Contains("list its products", ((JsonObject)result.Value!)["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadProductDescriptions_maps_every_product_to_its_familys_description_as_the_original_did()
    {
        var descriptions = (JsonObject)(await H.InvokeAsync("LoadProductDescriptions", new Dictionary<string, object?>())).Value!;

        var expected = SandboxCatalogue.Families.SelectMany(f => f.Products.Select(p => (p.Slug, Description: f.Description ?? ""))).ToList();
        Assert.Equal(expected.Select(e => e.Slug), descriptions.Select(p => p.Key));
        Assert.All(expected, e => Assert.Equal(e.Description, descriptions[e.Slug]!.GetValue<string>()));
        Assert.Equal("Bundles of Jetpack's security, performance and growth tools.", descriptions["jetpack-complete"]!.GetValue<string>());
        Assert.Equal("", descriptions["jetpack-scan"]!.GetValue<string>());

        // One read of the catalogue answers both the names and the descriptions for the cache's lifetime.
        await H.InvokeAsync("LoadProducts", new Dictionary<string, object?>());
        Assert.Equal(1, H.Sandbox.Counters.Received(SandboxEndpoint.ProductFamilies));
    }

    [Fact]
    public async Task LoadProductDescriptions_failure_is_an_error_object()
    {
        H.Sandbox.Faults.FailNext(SandboxEndpoint.ProductFamilies, 10, FaultKind.Failure);
        var result = await H.InvokeAsync("LoadProductDescriptions", new Dictionary<string, object?>());
        Assert.Equal(ModuleOutcome.Error, result.Outcome);
        Assert.Contains("list its product descriptions", ((JsonObject)result.Value!)["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestConnection_proves_the_token_and_explains_a_refused_one()
    {
        var ok = (JsonObject)(await H.InvokeAsync("TestConnection", Services.Product(1))).Value!;
        Assert.True(ok["success"]!.GetValue<bool>());
        Assert.Equal("", ok["error"]!.GetValue<string>());

        var bad = (JsonObject)(await H.InvokeAsync("TestConnection", Services.Product(1, token: "wrong-token-value"))).Value!;
        Assert.False(bad["success"]!.GetValue<bool>());
        var sentence = bad["error"]!.GetValue<string>();
        Assert.Contains("did not accept the API token", sentence, StringComparison.Ordinal);
        Assert.Contains("request id", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token-value", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_never_reaches_the_ledger_or_the_audit_and_every_call_is_audited()
    {
        var service = Services.Product(116, domain: "audit.example.com", attachOnCreate: "on");
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        Assert.Equal("success", await H.CallAsync("TerminateAccount", service));

        var rows = await H.Database.QueryRowsAsync("SELECT * FROM jetpack_product_licenses");
        var audits = await H.Database.QueryRowsAsync("SELECT * FROM jetpack_whmcs_audit");
        foreach (var value in rows.Concat(audits).SelectMany(r => r.Values))
        {
            Assert.DoesNotContain(EngineHarness.Token, value?.ToString() ?? "", StringComparison.Ordinal);
        }

        var row = Assert.Single(rows);
        Assert.Equal(Security.TokenFingerprint.Of(EngineHarness.Token), row["token_fingerprint"]);
        var entries = await H.Ledger.ListAuditAsync(owner: "service:116");
        Assert.Equal(["attach", "issue", "revoke"], entries.Select(e => e.Operation).Order().ToArray());
        Assert.All(entries, e => Assert.Equal("ok", e.Outcome));
        Assert.All(entries, e => Assert.Equal(200, e.HttpStatus));
    }

    private async Task<JsonObject> ClientVarsAsync(Dictionary<string, object?> service)
    {
        var result = (JsonObject)(await H.InvokeAsync("ClientArea", service)).Value!;
        Assert.Equal("jetpack_license", result["templatefile"]!.GetValue<string>());
        return (JsonObject)result["vars"]!;
    }

    private async Task<string> ClientKeyAsync(Dictionary<string, object?> service) => (await ClientVarsAsync(service))["license_key"]!.GetValue<string>();
}

public sealed class SqliteModuleFunctionTests : ModuleFunctionTests
{
    protected override LedgerProvider Provider => LedgerProvider.Sqlite;
}

public sealed class MariaDbModuleFunctionTests : ModuleFunctionTests
{
    protected override LedgerProvider Provider => LedgerProvider.MySql;
}
