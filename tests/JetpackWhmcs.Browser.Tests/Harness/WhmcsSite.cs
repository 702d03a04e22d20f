using System.Globalization;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger.Tests;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Whmcs.Tests;
using Microsoft.Playwright;
using MySqlConnector;

namespace JetpackWhmcs.Browser.Tests.Harness;

/// <summary>
/// One WHMCS site for the browser tests, every part real: a private database on the test MariaDB
/// with WHMCS's tables (the schema fixture) and the ledger; both PHP modules installed by the real
/// <c>jetpack-whmcs whmcs install</c>; <c>jetpack-whmcs serve</c> on that database against
/// <c>jetpack-whmcs sandbox</c> (its own process, as the real API is another host, accepting two
/// tokens so a token rotation can be proven against it); PHP's
/// built-in server playing WHMCS's admin area and client area (WhmcsHost/) around the real modules;
/// Debian's Chromium through Playwright. Shared by the collection "whmcs site".
/// </summary>
public sealed class WhmcsSite : IAsyncLifetime
{
    /// <summary>The partner token the sandbox accepts, saved as the addon's api_token (a run-unique value, so finding it on a page proves a leak).</summary>
    public string SandboxToken { get; } = "browser-test-token-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A second token the sandbox accepts: what staff rotate to on the Products page.</summary>
    public string SecondToken { get; } = "browser-test-second-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>An admin whose role (Sales Operator) the addon's Access Control leaves out.</summary>
    public const int SalesAdminId = 2;

    /// <summary>The Jetpack Licensing API the service talks to: <c>jetpack-whmcs sandbox</c> on its own port, accepting both tokens.</summary>
    public Uri ApiUrl { get; private set; } = null!;

    /// <summary>The scratch folder of this run (WHMCS root, data directory).</summary>
    public string Base { get; } = Path.Combine(Path.GetTempPath(), "jetpack-whmcs-browser-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The WHMCS root the host serves and the installer installed into.</summary>
    public string Root => Path.Combine(Base, "whmcs");

    /// <summary>The service's data directory (its bridge secret).</summary>
    public string DataDir => Path.Combine(Base, "data");

    /// <summary>WHMCS's database, which also holds the ledger.</summary>
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>The service's address.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>The WHMCS host's address (admin pages, client area).</summary>
    public Uri HostUrl { get; private set; } = null!;

    /// <summary>Signed module calls, as the provisioning bridge makes them (to provision services as WHMCS would).</summary>
    public BridgeClient Module { get; private set; } = null!;

    /// <summary>The shared Chromium; each test opens its own context.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>What the service printed so far (for failure messages).</summary>
    public string ServiceOutput => service?.Output ?? "";

    private ChildProcess? sandbox;
    private ChildProcess? service;
    private ChildProcess? php;
    private IPlaywright? playwright;
    private HttpClient? moduleHttp;
    private Task<LicenceCatalogue>? catalogue;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "modules", "servers"));
        Directory.CreateDirectory(Path.Combine(Root, "modules", "addons"));
        Directory.CreateDirectory(Path.Combine(Root, ".host"));

        Database = await TestDatabases.CreateMariaDbAsync(migrate: true);
        await WhmcsSchema.CreateOperatorTablesAsync(Database);
        await WhmcsSchema.AddCurrencyAsync(Database, "USD", 1m, isDefault: true);
        await File.WriteAllTextAsync(Path.Combine(Root, "configuration.php"), WhmcsConfiguration(Database.ConnectionString));

        ServiceUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort().ToString(CultureInfo.InvariantCulture)}/");
        await InstallModulesAsync();
        await ActivateAddonAsync();
        await AddAdminsAsync();
        await StartServiceAsync();
        CopyHost();
        await StartPhpAsync();

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>Thousands of licences with their clients and services, seeded on first use and shared by the tests that read them.</summary>
    public Task<LicenceCatalogue> CatalogueAsync() => catalogue ??= LicenceCatalogue.SeedAsync(Database, SandboxToken);

    /// <summary>
    /// A client with a service of a new Jetpack product, provisioned through the service as WHMCS would
    /// (CreateAccount, signed), so the sandbox knows its licence; returns the ids and the key.
    /// </summary>
    public async Task<(long Client, long Service, long Product, string Key)> ProvisionAsync(string firstName, string lastName, string email, string domain, string slug = "jetpack-backup-daily")
    {
        var client = await Database.AddClientAsync(firstName, lastName, email);
        var product = await Database.AddJetpackProductAsync("Jetpack " + slug, SandboxToken, slug);
        var service = await Database.AddServiceAsync(client, product, domain);
        var created = await CallModuleAsync("CreateAccount", WhmcsSeed.ServiceParams(service, product, client, domain, SandboxToken, slug));
        if (created.ResultText != "success")
        {
            throw new InvalidOperationException($"CreateAccount for service {service.ToString(CultureInfo.InvariantCulture)} answered {created.Body}:\n{ServiceOutput}");
        }

        var key = (await Database.QueryAsync<string>(
            "SELECT license_key FROM jetpack_product_licenses WHERE service_id = @Service AND revoked_at IS NULL", new { Service = service })).Single();
        return (client, service, product, key);
    }

    /// <summary>A browser context logged in to WHMCS admin as admin <paramref name="adminId"/>, on <paramref name="path"/>.</summary>
    public async Task<BrowserSession> OpenAdminAsync(string path = "/addonmodules.php?module=jetpack", int adminId = 1, string name = "admin")
    {
        var session = await BrowserSession.OpenAsync(Browser, HostUrl);
        await session.GotoAsync($"/login.php?admin={adminId.ToString(CultureInfo.InvariantCulture)}&name={Uri.EscapeDataString(name)}&to={Uri.EscapeDataString(path)}");
        return session;
    }

    /// <summary>A browser context logged in to the client area as client <paramref name="clientId"/>, on <paramref name="path"/>.</summary>
    public async Task<BrowserSession> OpenClientAsync(long clientId, string path)
    {
        var session = await BrowserSession.OpenAsync(Browser, HostUrl);
        await session.GotoAsync($"/login.php?client={clientId.ToString(CultureInfo.InvariantCulture)}&to={Uri.EscapeDataString(path)}");
        return session;
    }

    /// <summary>Calls a provisioning function as WHMCS would, through the signed module endpoint.</summary>
    public Task<BridgeResponse> CallModuleAsync(string function, JsonObject parameters) => Module.CallAsync(function, parameters);

    /// <summary>The lines the addon wrote with localAPI('LogActivity').</summary>
    public IReadOnlyList<JsonObject> ActivityLog() => ReadHostLines("activity.jsonl");

    /// <summary>The e-mails the addon sent with localAPI('SendAdminEmail').</summary>
    public IReadOnlyList<JsonObject> AdminEmails() => ReadHostLines("admin-emails.jsonl");

    /// <summary>Every PHP error, warning, notice or deprecation the host's pages raised (Smarty's own deprecations excepted).</summary>
    public string PhpErrors()
    {
        var path = Path.Combine(Root, ".host", "php-errors.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (php is not null)
        {
            await php.DisposeAsync();
        }

        if (service is not null)
        {
            await service.DisposeAsync();
        }

        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }

        moduleHttp?.Dispose();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        try
        {
            Directory.Delete(Base, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    /// <summary>WHMCS's configuration.php for this database, in WHMCS's own format (the host and `whmcs database` read it).</summary>
    private static string WhmcsConfiguration(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
        return "<?php\n" +
            $"$license = 'WHMCS-TEST';\n$db_host = {Quote(builder.Server)};\n$db_port = {Quote(builder.Port.ToString(CultureInfo.InvariantCulture))};\n" +
            $"$db_username = {Quote(builder.UserID)};\n$db_password = {Quote(builder.Password)};\n$db_name = {Quote(builder.Database)};\n" +
            "$cc_encryption_hash = 'browser-tests';\n$templates_compiledir = 'templates_c';\n";
    }

    private async Task InstallModulesAsync()
    {
        await using var installer = ChildProcess.Start(
            "dotnet",
            [TestBinary.Path, "whmcs", "install", "--whmcs-root", Root, "--data-dir", DataDir, "--service-url", ServiceUrl.ToString().TrimEnd('/')],
            Base);
        var exit = await installer.WaitForExitAsync(TimeSpan.FromSeconds(60));
        if (exit != 0)
        {
            throw new InvalidOperationException($"jetpack-whmcs whmcs install failed ({exit.ToString(CultureInfo.InvariantCulture)}):\n{installer.Output}");
        }
    }

    /// <summary>What WHMCS stores once an admin activated the addon and saved its settings.</summary>
    private Task<int> ActivateAddonAsync() => Database.ExecuteAsync(
        "INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', 'version', '2.0.0'), ('jetpack', 'access', '1'), " +
        "('jetpack', 'api_token', @Token), ('jetpack', 'client_changes_per_day', '5'), ('jetpack', 'upsell', '')",
        new { Token = SandboxToken });

    /// <summary>
    /// The admins in WHMCS's table, whose role the dashboard widget checks against the addon's Access
    /// Control (<c>access</c> = 1): the default test admin 1 a Full Administrator, admin 2 a Sales Operator outside it.
    /// </summary>
    private async Task AddAdminsAsync()
    {
        await WhmcsSchema.AddAdminAsync(Database, 1, 1, "admin");
        await WhmcsSchema.AddAdminAsync(Database, SalesAdminId, 2, "sales");
    }

    private async Task StartServiceAsync()
    {
        var sandboxUrl = $"http://127.0.0.1:{ChildProcess.FreePort().ToString(CultureInfo.InvariantCulture)}";
        // The standalone sandbox holds no state worth a graceful stop (and ignores SIGTERM).
        sandbox = ChildProcess.Start("dotnet", [TestBinary.Path, "sandbox", "--urls", sandboxUrl, "--token", SandboxToken, "--token", SecondToken], Base, graceful: false);
        ApiUrl = new Uri(sandboxUrl + "/wpcom/v2/jetpack-licensing/");
        await sandbox.WaitForHttpAsync(new Uri(ApiUrl, "product-families"), TimeSpan.FromSeconds(90));

        service = ChildProcess.Start(
            "dotnet",
            [TestBinary.Path, "serve", "--api-url", ApiUrl.ToString(), "--urls", ServiceUrl.ToString().TrimEnd('/'), "--data-dir", DataDir],
            Base,
            // The database's password stays off the command line.
            new Dictionary<string, string> { ["JETPACK_WHMCS_DATABASE"] = Database.ConnectionString });
        await service.WaitForHttpAsync(new Uri(ServiceUrl, "healthz"), TimeSpan.FromSeconds(90));
        moduleHttp = new HttpClient { BaseAddress = ServiceUrl, Timeout = TimeSpan.FromSeconds(60) };
        var secret = BridgeSecret.TryRead(Path.Combine(DataDir, "bridge-secret"))
            ?? throw new InvalidOperationException("The service started without writing its bridge secret.");
        Module = new BridgeClient(moduleHttp, secret, TimeProvider.System);
    }

    private void CopyHost()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "WhmcsHost");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        // Bootstrap 3, WHMCS's admin framework, from Debian's libjs-bootstrap when installed; the pages work without it.
        var bootstrap = Environment.GetEnvironmentVariable("BOOTSTRAP3_PATH") is { Length: > 0 } fromEnv ? fromEnv : "/usr/share/javascript/bootstrap";
        if (Directory.Exists(bootstrap))
        {
            Directory.CreateDirectory(Path.Combine(Root, "assets"));
            Directory.CreateSymbolicLink(Path.Combine(Root, "assets", "bootstrap"), bootstrap);
        }
    }

    private async Task StartPhpAsync()
    {
        HostUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort().ToString(CultureInfo.InvariantCulture)}/");
        // Several workers, so that a page calling the service never queues behind another page.
        php = ChildProcess.Start("php", ["-S", HostUrl.Authority, "-t", Root], Root, new Dictionary<string, string> { ["PHP_CLI_SERVER_WORKERS"] = "4" }, graceful: false);
        await php.WaitForHttpAsync(new Uri(HostUrl, "login.php"), TimeSpan.FromSeconds(20));
    }

    private List<JsonObject> ReadHostLines(string file)
    {
        var path = Path.Combine(Root, ".host", file);
        return File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList()
            : [];
    }
}
