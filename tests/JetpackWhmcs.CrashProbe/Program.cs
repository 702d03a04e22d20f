using System.Text.Json;
using JetpackWhmcs.CrashProbe;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: JetpackWhmcs.CrashProbe <api-base-url> <ledger-connection-string> <marker-file> <service-id> <product-slug>
// The partner token is read from the JETPACK_WHMCS_PROBE_TOKEN environment variable (never a command-line argument).
if (args.Length != 5 || Environment.GetEnvironmentVariable("JETPACK_WHMCS_PROBE_TOKEN") is not { Length: > 0 } token)
{
    await Console.Error.WriteLineAsync("usage: JetpackWhmcs.CrashProbe <api-base-url> <ledger-connection-string> <marker-file> <service-id> <product-slug> (token in JETPACK_WHMCS_PROBE_TOKEN)");
    return 2;
}

var client = JetpackLicensingClientFactory.Create(new JetpackLicensingOptions { BaseUrl = new Uri(args[0]) });
var ledger = LedgerFactory.Create(args[1]);
var engine = new ModuleEngine(client, ledger, TimeProvider.System, NullLogger<ModuleEngine>.Instance, hooks: new BlockAfterIssueHooks(args[2]));
var parameters = JsonSerializer.SerializeToElement(new Dictionary<string, object>
{
    ["serviceid"] = args[3],
    ["orderid"] = 900,
    ["pid"] = 9,
    ["configoption1"] = token,
    ["configoption2"] = args[4],
});
var result = await engine.InvokeAsync("CreateAccount", parameters);
Console.WriteLine(result.Value?.ToJsonString());
return 0;
