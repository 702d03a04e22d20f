using System.Text.Json;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Tests;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.Issuance;
using JetpackWhmcs.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace JetpackWhmcs.Provisioning.Tests.Harness;

/// <summary>A real sandbox over HTTP, a fresh real ledger database, a real client and an engine on them.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public const string Token = "partner-token-0123456789abcdef";

    private EngineHarness(SandboxServer sandbox, TestDatabase database, JetpackLicensingClient client, ModuleEngine engine)
    {
        Sandbox = sandbox;
        Database = database;
        Client = client;
        Engine = engine;
    }

    public SandboxServer Sandbox { get; }

    public TestDatabase Database { get; }

    public ILicenseLedger Ledger => Database.Ledger;

    public JetpackLicensingClient Client { get; }

    public ModuleEngine Engine { get; }

    public static async Task<EngineHarness> StartAsync(LedgerProvider provider, Action<ModuleEngineOptions>? configure = null, bool migrate = true)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Tokens = [Token], Seed = 7 });
        var database = await TestDatabases.CreateAsync(provider, migrate);
        var client = CreateClient(sandbox.BaseUrl);
        var options = new ModuleEngineOptions();
        configure?.Invoke(options);
        return new EngineHarness(sandbox, database, client, CreateEngine(client, database.Ledger, options));
    }

    public static JetpackLicensingClient CreateClient(Uri baseUrl) => JetpackLicensingClientFactory.Create(new JetpackLicensingOptions
    {
        BaseUrl = baseUrl,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        OverallTimeout = TimeSpan.FromSeconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(2),
    });

    public static ModuleEngine CreateEngine(IJetpackLicensingClient client, ILicenseLedger ledger, ModuleEngineOptions? options = null, IProvisioningHooks? hooks = null, TimeProvider? time = null) =>
        new(client, ledger, time ?? TimeProvider.System, NullLogger<ModuleEngine>.Instance, options, hooks);

    /// <summary>A second engine with its own client and ledger instance on the same database and sandbox (another process).</summary>
    public ModuleEngine CreateSecondEngine(ModuleEngineOptions? options = null, TimeProvider? time = null) =>
        CreateEngine(CreateClient(Sandbox.BaseUrl), Database.CreateLedger(), options, time: time);

    /// <summary>
    /// Moves every pending claim's time back beyond the production grace (and its window with it), so a
    /// test exercises take-over with the real margins instead of switching the staleness off.
    /// </summary>
    public Task BackdateClaimsAsync() => Database.ExecuteAsync(
        "UPDATE jetpack_product_licenses SET claimed_at = @At, issued_at = @At WHERE state = 'pending'",
        new { At = DateTime.UtcNow - new ModuleEngineOptions().ClaimStaleAfter - TimeSpan.FromMinutes(1) });

    /// <summary>A new client on the sandbox (as another process would have).</summary>
    public JetpackLicensingClient CreateClientForTest() => CreateClient(Sandbox.BaseUrl);

    public Task<ModuleResult> InvokeAsync(string function, IReadOnlyDictionary<string, object?> parameters, ModuleEngine? engine = null) =>
        (engine ?? Engine).InvokeAsync(function, JsonSerializer.SerializeToElement(parameters));

    /// <summary>The string a core function returned.</summary>
    public async Task<string> CallAsync(string function, IReadOnlyDictionary<string, object?> parameters, ModuleEngine? engine = null)
    {
        var result = await InvokeAsync(function, parameters, engine);
        return result.Value!.GetValue<string>();
    }

    /// <summary>The not-revoked licences the sandbox holds for the token.</summary>
    public IReadOnlyList<SandboxLicense> LiveLicenses() => Sandbox.Store.LicensesOf(Token).Where(l => !l.IsRevoked).ToList();

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Database.DisposeAsync();
    }
}
