using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Ledger.Tests;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Operator.Checks;
using JetpackWhmcs.Operator.Costs;
using JetpackWhmcs.Operator.Drift;
using JetpackWhmcs.Operator.Notices;
using JetpackWhmcs.Operator.Products;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Provisioning.Reconciliation;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Whmcs;
using JetpackWhmcs.Whmcs.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JetpackWhmcs.Operator.Tests;

/// <summary>
/// A real sandbox over HTTP, a fresh migrated MariaDB holding WHMCS's tables beside the ledger, and the
/// operator's parts built on them as the service builds them. The clock runs an hour ahead of the
/// sandbox's, so licences the sandbox issued are past the engine's lease bound (the margin stays on).
/// </summary>
public sealed class OperatorHarness : IAsyncDisposable
{
    public const string Token = "partner-token-0123456789abcdef";

    private OperatorHarness(SandboxServer sandbox, TestDatabase database, IWhmcsDatabase? whmcsOverride)
    {
        Sandbox = sandbox;
        Database = database;
        Time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));
        Client = JetpackLicensingClientFactory.Create(new JetpackLicensingOptions
        {
            BaseUrl = sandbox.BaseUrl,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            OverallTimeout = TimeSpan.FromSeconds(20),
        });
        Ledger = database.CreateLedger(Time);
        Store = LedgerFactory.CreateOperatorStore(database.ConnectionString);
        Whmcs = whmcsOverride ?? WhmcsDatabaseFactory.Create(database.ConnectionString);
        Engine = new ModuleEngine(Client, Ledger, Time, NullLogger<ModuleEngine>.Instance);
        Reconciliation = new ReconciliationService(Client, Ledger, Time, NullLogger<ReconciliationService>.Instance);
        Tokens = new FixedTokens(Token);
        Drift = new DriftCheck(Reconciliation, Whmcs, Tokens);
        Prices = new PartnerPriceRecorder(Client, Store, Time);
        Runner = new CheckRunner(Store, Drift, Prices, Tokens, Time, NullLogger<CheckRunner>.Instance);
        Fixer = new DriftFixer(Store, Reconciliation, Engine, Whmcs, Tokens, Time);
        Notices = new NoticeService(Store);
        Daily = new DailyCheck(Runner, Notices);
        Costs = new CostService(Whmcs, Store, Prices, Tokens, Time);
        Products = new ProductSetup(Whmcs, Client, new TokenCheck(Client), new ModuleSettingDefaults(Engine), Tokens);
    }

    public SandboxServer Sandbox { get; }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public JetpackLicensingClient Client { get; }

    public ILicenseLedger Ledger { get; }

    public IOperatorStore Store { get; }

    public IWhmcsDatabase Whmcs { get; }

    public ModuleEngine Engine { get; }

    public ReconciliationService Reconciliation { get; }

    public FixedTokens Tokens { get; }

    public DriftCheck Drift { get; }

    public PartnerPriceRecorder Prices { get; }

    public CheckRunner Runner { get; }

    public DriftFixer Fixer { get; }

    public NoticeService Notices { get; }

    public DailyCheck Daily { get; }

    public CostService Costs { get; }

    public ProductSetup Products { get; }

    public static string Fingerprint => TokenFingerprint.Of(Token);

    /// <summary>Starts the sandbox (accepting <see cref="Token"/> and <paramref name="secondToken"/>) and a MariaDB with the ledger and WHMCS's tables; <paramref name="wrap"/> may wrap WHMCS's tables (to hold a check midway).</summary>
    public static async Task<OperatorHarness> StartAsync(Func<IWhmcsDatabase, IWhmcsDatabase>? wrap = null, string? secondToken = null)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Tokens = secondToken is null ? [Token] : [Token, secondToken], Seed = 11 });
        var database = await TestDatabases.CreateMariaDbAsync();
        await WhmcsSchema.CreateOperatorTablesAsync(database);
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);
        return new OperatorHarness(sandbox, database, wrap?.Invoke(whmcs));
    }

    /// <summary>A Jetpack product in WHMCS with <see cref="Token"/> and <paramref name="slug"/>; returns its id.</summary>
    public async Task<long> AddJetpackProductAsync(string slug = "jetpack-backup-daily")
    {
        await WhmcsSchema.AddProductAsync(Database, "jetpack", Token, slug);
        return await Database.ScalarAsync<long>("SELECT MAX(id) FROM tblproducts");
    }

    /// <summary>Runs the module's Create for a service as WHMCS would.</summary>
    public async Task<string> CreateAccountAsync(long serviceId, long orderId, long productId, string slug = "jetpack-backup-daily", long? addonId = null)
    {
        var options = Enumerable.Repeat("", Provisioning.Parameters.ModuleParameters.ConfigOptionCount).ToArray();
        (options[0], options[1]) = (Token, slug);
        var result = await Engine.InvokeAsync("CreateAccount", new Provisioning.Parameters.ModuleParameters
        {
            ServiceId = serviceId,
            AddonId = addonId,
            OrderId = orderId,
            ProductId = productId,
            ConfigOptions = options,
        });
        return result.Value!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        await Runner.WhenIdleAsync();
        Runner.Dispose();
        await Sandbox.DisposeAsync();
        await Database.DisposeAsync();
    }
}
