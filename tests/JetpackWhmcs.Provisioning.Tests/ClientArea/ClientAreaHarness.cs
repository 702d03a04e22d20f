using System.Text.Json;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Tests.Harness;
using JetpackWhmcs.Whmcs;
using JetpackWhmcs.Whmcs.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace JetpackWhmcs.Provisioning.Tests.ClientArea;

/// <summary>
/// The engine on MariaDB with WHMCS's tables beside the ledger (as in production), seeded with two
/// clients: client 3 owns services 201 (blog.example.com), 202 (shop.example.com) and the suspended 203, client 4 owns 301.
/// </summary>
public sealed class ClientAreaHarness : IAsyncDisposable
{
    private ClientAreaHarness(EngineHarness inner, ModuleEngine engine)
    {
        Inner = inner;
        Engine = engine;
    }

    public EngineHarness Inner { get; }

    public ModuleEngine Engine { get; }

    public static async Task<ClientAreaHarness> StartAsync()
    {
        var inner = await EngineHarness.StartAsync(LedgerProvider.MySql);
        await WhmcsSchema.CreateClientAreaAsync(inner.Database);
        await inner.Database.ExecuteAsync(
            "INSERT INTO tblcurrencies (id, code, prefix, suffix, `default`) VALUES (1, 'USD', '$', ' USD', 1);" +
            "INSERT INTO tblclients (id, firstname, lastname, companyname, email, language, currency) VALUES (3, 'Ada', 'L', '', 'a@example.com', '', 1), (4, 'Eve', 'X', '', 'e@example.com', '', 1);" +
            "INSERT INTO tblproducts (id, type, name, description, servertype, configoption1, configoption2, configoption3, paytype) VALUES " +
            "(1, 'hostingaccount', 'Shared Hosting', '', 'cpanel', '', '', '', 'recurring'), (9, 'other', 'Jetpack Backup', '', 'jetpack', '', 'jetpack-backup-daily', 'on', 'recurring');" +
            "INSERT INTO tblhosting (id, userid, orderid, packageid, domain, domainstatus, billingcycle) VALUES " +
            "(201, 3, 0, 9, 'blog.example.com', 'Active', 'Monthly'), (202, 3, 0, 1, 'shop.example.com', 'Active', 'Monthly'), (301, 4, 0, 1, 'eve.example.com', 'Active', 'Monthly'), (203, 3, 0, 9, 'paused.example.com', 'Suspended', 'Monthly');" +
            "INSERT INTO tbladdons (id, packages, name, description, billingcycle, type, module) VALUES (5, '1', 'Jetpack Backup', '', 'Monthly', 'other', 'jetpack');" +
            "INSERT INTO tblpricing (type, currency, relid, monthly, quarterly, semiannually, annually, biennially, triennially) VALUES ('addon', 1, 5, 4.50, -1, -1, -1, -1, -1);");
        var engine = new ModuleEngine(
            inner.Client, inner.Ledger, TimeProvider.System, NullLogger<ModuleEngine>.Instance,
            whmcs: WhmcsDatabaseFactory.Create(inner.Database.ConnectionString));
        return new ClientAreaHarness(inner, engine);
    }

    public Task SetAddonSettingAsync(string setting, string value) => Inner.Database.ExecuteAsync(
        "INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', @Setting, @Value)", new { Setting = setting, Value = value });

    public Task<ModuleResult> InvokeAsync(string function, IReadOnlyDictionary<string, object?> parameters) =>
        Engine.InvokeAsync(function, JsonSerializer.SerializeToElement(parameters));

    public async Task<string> CallAsync(string function, IReadOnlyDictionary<string, object?> parameters) =>
        (await InvokeAsync(function, parameters)).Value!.GetValue<string>();

    /// <summary>A client action's answer: its language key and English sentence.</summary>
    public async Task<(string Key, string Message, JsonObject Args)> ActAsync(string function, IReadOnlyDictionary<string, object?> parameters)
    {
        var body = (JsonObject)(await InvokeAsync(function, parameters)).Value!;
        return (body["key"]!.GetValue<string>(), body["message"]!.GetValue<string>(), (JsonObject)body["args"]!);
    }

    public async Task<LicenseRecord> CreateAsync(Dictionary<string, object?> service)
    {
        Assert.Equal("success", await CallAsync("CreateAccount", service));
        return (await Inner.Ledger.FindBySlotAsync(SlotOf(service)))!;
    }

    public static string SlotOf(Dictionary<string, object?> service) =>
        service.TryGetValue("addonId", out var addon) && addon is not null ? $"addon:{addon}" : $"service:{service["serviceid"]}";

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
