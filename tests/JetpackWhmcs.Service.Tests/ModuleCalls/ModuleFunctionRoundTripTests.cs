using System.Net;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

public sealed class ModuleFunctionRoundTripTests
{
    [Fact]
    public async Task Every_module_function_round_trips_over_real_http_and_changes_the_ledger_and_the_api()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var p = ServiceUnderTest.ServiceParams(42);

        async Task<JsonNode?> Call(string function, JsonObject parameters)
        {
            var response = await service.Whmcs.CallAsync(function, parameters);
            Assert.True(response.Status == HttpStatusCode.OK, $"{function}: {(int)response.Status} {response.Body}");
            return response.Result;
        }

        async Task Success(string function, JsonObject parameters) => Assert.Equal("success", (await Call(function, parameters))?.ToString());

        Assert.IsType<JsonObject>(await Call("MetaData", []));
        Assert.IsType<JsonObject>(await Call("ConfigOptions", []));
        Assert.NotNull((await Call("LoadProducts", p))?["jetpack-scan"]);
        Assert.True((await Call("TestConnection", p))?["success"]?.GetValue<bool>());
        Assert.IsType<JsonObject>(await Call("AdminCustomButtonArray", p));

        await Success("CreateAccount", p);
        var row = await service.Ledger.FindBySlotAsync("service:42");
        Assert.NotNull(row);
        Assert.Equal(LicenseState.Active, row.State);
        Assert.StartsWith("jetpack-backup-daily_", row.LicenseKey, StringComparison.Ordinal);
        Assert.Single(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));

        await Success("CreateAccount", p); // WHMCS may call Create twice: still one licence.
        Assert.Single(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));

        var area = await Call("ClientArea", p);
        Assert.Equal("jetpack_license", area?["templatefile"]?.ToString());
        Assert.Equal(row.LicenseKey, area?["vars"]?["license_key"]?.ToString());
        Assert.Contains(row.LicenseKey, (await Call("AdminServicesTabFields", p))!.ToJsonString(), StringComparison.Ordinal);

        await Success("AttachLicense", p);
        Assert.True(service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.IsAttached);
        await Success("DetachLicense", p);
        Assert.False(service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.IsAttached);
        await Success("SuspendAccount", p);
        await Success("UnsuspendAccount", p);
        await Success("Renew", p);
        await Success("RefreshStatus", p);

        var upgraded = ServiceUnderTest.ServiceParams(42, "jetpack-security-daily");
        await Success("ChangePackage", upgraded);
        var afterUpgrade = await service.Ledger.FindBySlotAsync("service:42");
        Assert.StartsWith("jetpack-security-daily_", afterUpgrade!.LicenseKey, StringComparison.Ordinal);
        Assert.True(service.Sandbox.Store.Find(ServiceUnderTest.Token, row.LicenseKey)!.IsRevoked);

        await Success("ReissueLicense", upgraded);
        var reissued = await service.Ledger.FindBySlotAsync("service:42");
        Assert.NotEqual(afterUpgrade.LicenseKey, reissued!.LicenseKey);

        await Success("TerminateAccount", upgraded);
        Assert.Null(await service.Ledger.FindBySlotAsync("service:42"));
        Assert.All(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token), l => Assert.True(l.IsRevoked));
        Assert.Equal(3, service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token).Count);
    }

    [Fact]
    public async Task Two_addons_on_one_parent_service_get_their_own_licences_with_numeric_strings_as_php_sends_them()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var scan = ServiceUnderTest.ServiceParams(7, "jetpack-scan");
        scan["addonId"] = "71";
        scan["serviceid"] = "7";
        var spam = ServiceUnderTest.ServiceParams(7, "jetpack-anti-spam");
        spam["addonId"] = 72;

        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", scan)).ResultText);
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", spam)).ResultText);

        Assert.StartsWith("jetpack-scan_", (await service.Ledger.FindBySlotAsync("addon:71"))!.LicenseKey, StringComparison.Ordinal);
        Assert.StartsWith("jetpack-anti-spam_", (await service.Ledger.FindBySlotAsync("addon:72"))!.LicenseKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_module_calls_by_function_and_outcome_and_show_licences_by_state()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(3));
        await service.Whmcs.SendRawAsync("CreateAccount", "{}"u8.ToArray(), null, null, null);

        var text = await service.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Contains("jetpack_whmcs_module_calls_total{function=\"CreateAccount\",outcome=\"success\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("jetpack_whmcs_module_calls_total{function=\"CreateAccount\",outcome=\"unauthorized\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("jetpack_whmcs_api_call_duration_seconds_count{operation=\"issue\",outcome=\"ok\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("jetpack_whmcs_licenses{state=\"active\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("jetpack_whmcs_pending_claims 0", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceUnderTest.Token, text, StringComparison.Ordinal);
    }
}
