using System.Text.Json;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Tests.Harness;

namespace JetpackWhmcs.Provisioning.Tests.Parameters;

/// <summary>Malformed parameters get a clear sentence and change nothing: no ledger write, no API call.</summary>
public abstract class MalformedParameterTests : IAsyncLifetime
{
    private static readonly string[] CoreFunctions =
        ["CreateAccount", "TerminateAccount", "SuspendAccount", "UnsuspendAccount", "Renew", "ChangePackage", "AttachLicense", "DetachLicense", "RefreshStatus", "ReissueLicense"];

    private EngineHarness? harness;

    protected abstract LedgerProvider Provider { get; }

    private EngineHarness H => harness!;

    public async Task InitializeAsync() => harness = await EngineHarness.StartAsync(Provider);

    public async Task DisposeAsync() => await H.DisposeAsync();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "serviceid as words", """{"serviceid":"twelve","configoption1":"t","configoption2":"jetpack-scan"}""", "serviceid" },
        { "negative serviceid", """{"serviceid":-4,"configoption1":"t","configoption2":"jetpack-scan"}""", "serviceid" },
        { "fractional serviceid", """{"serviceid":4.5,"configoption1":"t","configoption2":"jetpack-scan"}""", "serviceid" },
        { "boolean addonId", """{"serviceid":4,"addonId":true,"configoption1":"t","configoption2":"jetpack-scan"}""", "addonId" },
        { "object orderid", """{"serviceid":4,"orderid":{"a":1},"configoption1":"t","configoption2":"jetpack-scan"}""", "orderid" },
        { "huge numeric string", """{"serviceid":"99999999999999999999999","configoption1":"t","configoption2":"jetpack-scan"}""", "serviceid" },
        { "control character in token", """{"serviceid":4,"configoption1":"tok\nen","configoption2":"jetpack-scan"}""", "configoption1" },
        { "huge domain", $$"""{"serviceid":4,"domain":"{{new string('a', 300)}}","configoption1":"t","configoption2":"jetpack-scan"}""", "domain" },
        { "huge setting", $$"""{"serviceid":4,"configoption1":"t","configoption2":"{{new string('x', 600)}}"}""", "configoption2" },
        { "array domain", """{"serviceid":4,"domain":["a"],"configoption1":"t","configoption2":"jetpack-scan"}""", "domain" },
        { "no ids", """{"configoption1":"t","configoption2":"jetpack-scan"}""", "neither a service id nor an addon id" },
        { "zero ids", """{"serviceid":0,"addonId":"0","configoption1":"t","configoption2":"jetpack-scan"}""", "neither a service id nor an addon id" },
        { "no token", """{"serviceid":4,"configoption2":"jetpack-scan"}""", "API token is not set" },
        { "params not an object", "\"serviceid=4\"", "not a JSON object" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Core_functions_refuse_and_change_nothing(string name, string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var function in CoreFunctions)
        {
            var result = await H.Engine.InvokeAsync(function, document.RootElement);
            var sentence = result.Value!.GetValue<string>();
            Assert.True(result.Outcome == ModuleOutcome.InvalidInput, $"{name}/{function}: {sentence}");
            Assert.Contains(expected, sentence, StringComparison.Ordinal);
            Assert.EndsWith(".", sentence, StringComparison.Ordinal);
        }

        Assert.Equal(0L, await H.Database.ScalarAsync<long>("SELECT COUNT(*) FROM jetpack_product_licenses"));
        Assert.Equal(0L, await H.Database.ScalarAsync<long>("SELECT COUNT(*) FROM jetpack_whmcs_audit"));
        Assert.Empty(H.Sandbox.Requests);
    }

    [Fact]
    public async Task Create_with_a_product_slug_that_is_not_a_slug_changes_nothing()
    {
        var result = await H.InvokeAsync("CreateAccount", Services.Product(5, slug: "../license?x=<1>"));
        Assert.Equal(ModuleOutcome.InvalidInput, result.Outcome);
        var missing = await H.InvokeAsync("CreateAccount", Services.Product(5, slug: ""));
        Assert.Contains("No Jetpack product is selected", missing.Value!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0L, await H.Database.ScalarAsync<long>("SELECT COUNT(*) FROM jetpack_product_licenses"));
        Assert.Empty(H.Sandbox.Requests);
    }

    [Fact]
    public async Task Array_functions_answer_an_error_object_for_malformed_parameters_and_empty_params_work()
    {
        using var bad = JsonDocument.Parse("""{"serviceid":"x"}""");
        foreach (var function in new[] { "AdminServicesTabFields", "ClientArea", "TestConnection" })
        {
            var result = await H.Engine.InvokeAsync(function, bad.RootElement);
            Assert.Equal(ModuleOutcome.InvalidInput, result.Outcome);
            Assert.Contains("serviceid", result.Value!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // WHMCS's contract test calls every function with an empty PHP array (JSON []).
        using var empty = JsonDocument.Parse("[]");
        foreach (var function in H.Engine.Functions.Where(f => f != "LoadProducts"))
        {
            var result = await H.Engine.InvokeAsync(function, empty.RootElement);
            Assert.NotNull(result.Value);
        }

        Assert.Equal(0L, await H.Database.ScalarAsync<long>("SELECT COUNT(*) FROM jetpack_product_licenses"));
        await Assert.ThrowsAsync<ArgumentException>(() => H.Engine.InvokeAsync("DropTables", empty.RootElement));
    }
}

public sealed class SqliteMalformedParameterTests : MalformedParameterTests
{
    protected override LedgerProvider Provider => LedgerProvider.Sqlite;
}

public sealed class MariaDbMalformedParameterTests : MalformedParameterTests
{
    protected override LedgerProvider Provider => LedgerProvider.MySql;
}
