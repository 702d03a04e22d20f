using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Reconciliation;
using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Service.Admin.Standalone;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Commands.Licenses;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Hosting;
using Spectre.Console;

namespace JetpackWhmcs.Service.Commands.Demo;

/// <summary>
/// Starts the real service (SQLite file in the data directory, in-process sandbox on a free loopback
/// port) and plays WHMCS against it through the signed module endpoint over HTTP.
/// </summary>
public sealed class DemoScenario(IAnsiConsole console, TimeProvider timeProvider)
{
    private const string ProductSlug = "jetpack-backup-daily";
    private const string ScanSlug = "jetpack-scan";
    private const string AntiSpamSlug = "jetpack-anti-spam";
    private const string UpgradeSlug = "jetpack-security-daily";
    private const long ProductServiceId = 101;
    private const long HostingServiceId = 102;
    private const long ScanAddonId = 201;
    private const long AntiSpamAddonId = 202;

    /// <summary>Runs the scenario and prints a table after each step; returns the cross-check.</summary>
    public async Task<DemoSummary> RunAsync(DemoSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = Stopwatch.GetTimestamp();
        var options = ConfigurationLoader.Load(settings);
        ServiceHost.EnsureDataDirectory(options);
        // A fresh ledger file per run (a new name: a pooled SQLite connection may still hold the last
        // one open in this process), so the demo runs again and again against a fresh sandbox.
        foreach (var old in Directory.GetFiles(options.DataDir, "demo-ledger-*.db*"))
        {
            TryDelete(old);
        }

        var database = Path.Combine(options.DataDir, $"demo-ledger-{Guid.NewGuid():N}.db");

        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Tokens = [settings.Token] }, cancellationToken: cancellationToken);
        var overrides = new Dictionary<string, string?>
        {
            [nameof(JetpackWhmcsOptions.ApiUrl)] = sandbox.BaseUrl.ToString(),
            [nameof(JetpackWhmcsOptions.Database)] = database,
            // Every run starts a new ledger on purpose (the sandbox is new too): not a lost one.
            [nameof(JetpackWhmcsOptions.AcceptNewLedger)] = "true",
            ["ExtraTokens:0"] = settings.Token,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:JetpackWhmcs"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        await using var app = ServiceHost.Build(settings, "http://127.0.0.1:0", overrides);
        await ServiceHost.StartAsync(app, cancellationToken);
        var address = ServiceHost.Address(app);
        var ledger = app.Services.GetRequiredService<ILicenseLedger>();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var whmcs = new BridgeClient(http, app.Services.GetRequiredService<BridgeSecret>(), timeProvider);

        console.Write(new Rule("[bold]jetpack-whmcs demo[/]").LeftJustified());
        console.MarkupLineInterpolated($"Service on {address} (ledger {database}), Jetpack Licensing API sandbox on {sandbox.BaseUrl}.");
        console.MarkupLine("WHMCS is played by signed HTTP calls to POST /module/{Function}, exactly as the PHP bridge sends them.");

        // 1. Configure a Jetpack product the way an admin does in WHMCS.
        var setup = StepTable("1. Configure a Jetpack product (token, product, show licence)");
        var configOptions = await CallAsync(whmcs, "ConfigOptions", [], cancellationToken);
        setup.AddRow("ConfigOptions", Markup.Escape($"{(configOptions as JsonObject)?.Count ?? 0} settings: " + string.Join(", ", (configOptions as JsonObject)?.Select(p => p.Value?["FriendlyName"]?.ToString() ?? p.Key) ?? [])));
        var products = await CallAsync(whmcs, "LoadProducts", Settings(settings.Token, ProductSlug), cancellationToken);
        setup.AddRow("LoadProducts", Markup.Escape($"{(products as JsonObject)?.Count ?? 0} Jetpack products, e.g. {ProductSlug} = {products?[ProductSlug]}"));
        var test = await CallAsync(whmcs, "TestConnection", Settings(settings.Token, ProductSlug), cancellationToken);
        setup.AddRow("TestConnection", Markup.Escape(test?.ToJsonString() ?? ""));
        Expect(test?["success"]?.GetValue<bool>() == true, "TestConnection did not succeed with the sandbox token");
        console.Write(setup);

        // 2. Provision a product service and two different Jetpack addons on one hosting service.
        var provisioning = StepTable("2. Provision a product service and two Jetpack addons on one parent service");
        foreach (var (label, parameters) in new[]
        {
            ($"service {ProductServiceId} ({ProductSlug})", Service(ProductServiceId, settings.Token, ProductSlug)),
            ($"addon {ScanAddonId} ({ScanSlug}) on service {HostingServiceId}", Addon(ScanAddonId, settings.Token, ScanSlug)),
            ($"addon {AntiSpamAddonId} ({AntiSpamSlug}) on service {HostingServiceId}", Addon(AntiSpamAddonId, settings.Token, AntiSpamSlug)),
        })
        {
            provisioning.AddRow(Markup.Escape("CreateAccount " + label), Markup.Escape(await CoreAsync(whmcs, "CreateAccount", parameters, cancellationToken)));
        }

        console.Write(provisioning);
        await ShowLedgerAsync(ledger, cancellationToken);

        // 3. What each customer sees.
        var clientArea = new Table().Border(TableBorder.Rounded).Title("3. ClientArea of each").AddColumns("owner", "template", "licence key", "state", "product", "activation link");
        foreach (var (label, parameters) in Owners(settings.Token))
        {
            var view = await CallAsync(whmcs, "ClientArea", parameters, cancellationToken);
            var vars = view?["vars"];
            clientArea.AddRow(
                Markup.Escape(label),
                Markup.Escape(view?["templatefile"]?.ToString() ?? "(none)"),
                Markup.Escape(vars?["license_key"]?.ToString() ?? ""),
                Markup.Escape(vars?["state"]?.ToString() ?? ""),
                Markup.Escape(vars?["product_name"]?.ToString() ?? ""),
                Markup.Escape(vars?["activation_url"]?.ToString() ?? ""));
        }

        console.Write(clientArea);

        // 4-5. Attach to a site, then suspend (the product detaches on suspension) and unsuspend.
        var lifecycle = StepTable($"4-5. Attach service {ProductServiceId}'s licence to its site, suspend, unsuspend");
        var product = Service(ProductServiceId, settings.Token, ProductSlug);
        foreach (var function in new[] { "AttachLicense", "SuspendAccount", "UnsuspendAccount" })
        {
            var answer = await CoreAsync(whmcs, function, product, cancellationToken);
            var row = await ledger.FindBySlotAsync(LicenseOwner.Service(ProductServiceId).SlotKey, cancellationToken);
            var onApi = row is null ? null : sandbox.Store.Find(settings.Token, row.LicenseKey);
            lifecycle.AddRow(Markup.Escape(function), Markup.Escape($"{answer}: ledger site '{row?.AttachedSite ?? "none"}', API site '{onApi?.SiteUrl ?? "none"}'"));
        }

        console.Write(lifecycle);

        // 6-7. Upgrade one addon to another Jetpack product, terminate the other.
        var changes = StepTable("6-7. Upgrade one addon (ChangePackage), terminate the other");
        changes.AddRow(
            Markup.Escape($"ChangePackage addon {ScanAddonId}: {ScanSlug} -> {UpgradeSlug}"),
            Markup.Escape(await CoreAsync(whmcs, "ChangePackage", Addon(ScanAddonId, settings.Token, UpgradeSlug), cancellationToken)));
        changes.AddRow(
            Markup.Escape($"TerminateAccount addon {AntiSpamAddonId}"),
            Markup.Escape(await CoreAsync(whmcs, "TerminateAccount", Addon(AntiSpamAddonId, settings.Token, AntiSpamSlug), cancellationToken)));
        console.Write(changes);
        await ShowLedgerAsync(ledger, cancellationToken);

        // 8. Reconciliation of the ledger against the API.
        var report = await app.Services.GetRequiredService<ReconciliationService>().ReconcileAsync(settings.Token, new ReconcileOptions(), cancellationToken);
        var reconcile = new Table().Border(TableBorder.Rounded).Title("[bold]8. Reconcile the ledger with the API's licence list[/]").AddColumns("finding", "count");
        reconcile.AddRow("licences on the API / ledger rows", $"{report.ApiLicenseCount} / {report.LedgerRowCount}");
        reconcile.AddRow("unknown to WHMCS", report.UnknownToWhmcs.Count.ToString(CultureInfo.InvariantCulture));
        reconcile.AddRow("revoked outside WHMCS", report.RevokedOutsideWhmcs.Count.ToString(CultureInfo.InvariantCulture));
        reconcile.AddRow("missing on the API", report.MissingOnApi.Count.ToString(CultureInfo.InvariantCulture));
        reconcile.AddRow("pending claims", report.PendingClaims.Count.ToString(CultureInfo.InvariantCulture));
        reconcile.AddRow("in sync", report.InSync ? "[green]yes[/]" : "[red]no[/]");
        console.Write(reconcile);

        var summary = await CrossCheckAsync(ledger, sandbox, settings.Token, report, Stopwatch.GetElapsedTime(started), cancellationToken);
        if (settings.Serve)
        {
            Print(summary);
            // The link is printed exactly (no markup parsing), for copying into a browser.
            console.WriteLine($"Admin pages (one-time link, works once): {OneTimeLink.Issue(app)}");
            console.WriteLine("The service and the sandbox keep running until Ctrl+C.");
            await app.WaitForShutdownAsync(cancellationToken);
            return summary;
        }

        await app.StopAsync(cancellationToken);
        Print(summary);
        return summary;
    }

    private static async Task<DemoSummary> CrossCheckAsync(ILicenseLedger ledger, SandboxServer sandbox, string token, ReconciliationReport report, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var rows = await ledger.ListAsync(new LedgerQuery(), cancellationToken);
        var api = sandbox.Store.LicensesOf(token);
        var apiKeys = api.Select(l => l.LicenseKey).ToHashSet(StringComparer.Ordinal);
        var ledgerKeys = rows.Where(r => r.State != LicenseState.Pending).Select(r => r.LicenseKey).ToHashSet(StringComparer.Ordinal);
        var apiActive = api.Count(l => !l.IsRevoked);
        var ledgerActive = rows.Count(r => r.State == LicenseState.Active);
        var apiRevoked = api.Count(l => l.IsRevoked);
        var ledgerRevoked = rows.Count(r => r.State == LicenseState.Revoked);
        var orphansOnApi = api.Count(l => !ledgerKeys.Contains(l.LicenseKey));
        var orphansInLedger = ledgerKeys.Count(k => !apiKeys.Contains(k));
        var stateMismatches = rows.Count(r => api.FirstOrDefault(l => l.LicenseKey == r.LicenseKey) is { } l && l.IsRevoked != (r.State == LicenseState.Revoked));
        var pending = rows.Count(r => r.State == LicenseState.Pending);

        // The scenario issued 3 licences and 1 more for the upgrade, then revoked the upgraded one and the terminated one.
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return new DemoSummary(
            [
                new("licences issued", N(rows.Count), N(api.Count), rows.Count == api.Count && api.Count == 4),
                new("active", N(ledgerActive), N(apiActive), ledgerActive == apiActive && apiActive == 2),
                new("revoked", N(ledgerRevoked), N(apiRevoked), ledgerRevoked == apiRevoked && apiRevoked == 2),
                new("orphans (on the API, not in the ledger)", "-", N(orphansOnApi), orphansOnApi == 0),
                new("orphans (in the ledger, not on the API)", N(orphansInLedger), "-", orphansInLedger == 0),
                new("state mismatches", N(stateMismatches), "-", stateMismatches == 0),
                new("pending claims", N(pending), "-", pending == 0),
                new("reconcile in sync", report.InSync ? "yes" : "no", "-", report.InSync),
            ],
            elapsed);
    }

    private void Print(DemoSummary summary)
    {
        var table = new Table().Border(TableBorder.Double).Title("[bold]Summary: the ledger cross-checked against the sandbox[/]").AddColumns("check", "ledger", "sandbox (API)", "holds");
        foreach (var row in summary.Rows)
        {
            table.AddRow(Markup.Escape(row.What), Markup.Escape(row.Ledger), Markup.Escape(row.Sandbox), row.Holds ? "[green]yes[/]" : "[red]NO[/]");
        }

        console.Write(table);
        var seconds = summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        console.MarkupLine(summary.Holds
            ? $"[green]Cross-check holds: zero orphans.[/] Demo finished in {seconds} s."
            : $"[red]Cross-check FAILED: the ledger and the API disagree (see the rows marked NO).[/] Demo took {seconds} s.");
    }

    private async Task ShowLedgerAsync(ILicenseLedger ledger, CancellationToken cancellationToken)
    {
        var table = LicenseFormat.Table(await ledger.ListAsync(new LedgerQuery(), cancellationToken));
        table.Title("Ledger");
        console.Write(table);
    }

    private static Table StepTable(string title) =>
        new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]").AddColumns("WHMCS call", "answer");

    private static IEnumerable<(string Label, JsonObject Parameters)> Owners(string token) =>
    [
        ($"service {ProductServiceId}", Service(ProductServiceId, token, ProductSlug)),
        ($"addon {ScanAddonId}", Addon(ScanAddonId, token, ScanSlug)),
        ($"addon {AntiSpamAddonId}", Addon(AntiSpamAddonId, token, AntiSpamSlug)),
    ];

    private static JsonObject Settings(string token, string slug) => new()
    {
        ["configoption1"] = token,
        ["configoption2"] = slug,
        ["configoption3"] = "on",
        ["configoption4"] = "detach",
    };

    private static JsonObject Service(long serviceId, string token, string slug)
    {
        var parameters = Settings(token, slug);
        parameters["serviceid"] = serviceId;
        parameters["orderid"] = 9000 + serviceId;
        parameters["pid"] = 7;
        parameters["userid"] = 55;
        parameters["domain"] = "shop.example.com";
        parameters["status"] = "Active";
        parameters["clientsdetails"] = new JsonObject { ["email"] = "owner@example.com", ["firstname"] = "Ada", ["lastname"] = "Lovelace" };
        return parameters;
    }

    private static JsonObject Addon(long addonId, string token, string slug)
    {
        var parameters = Service(HostingServiceId, token, slug);
        parameters["addonId"] = addonId.ToString(CultureInfo.InvariantCulture); // PHP sends numbers as strings too
        parameters["pid"] = 3;
        parameters["domain"] = "blog.example.org";
        return parameters;
    }

    private static async Task<JsonNode?> CallAsync(BridgeClient whmcs, string function, JsonObject parameters, CancellationToken cancellationToken)
    {
        var response = await whmcs.CallAsync(function, parameters, cancellationToken);
        if (response.Status != System.Net.HttpStatusCode.OK)
        {
            throw new CommandFailedException($"The demo's {function} call was refused with HTTP {(int)response.Status}: {response.Error}");
        }

        return response.Result;
    }

    private static async Task<string> CoreAsync(BridgeClient whmcs, string function, JsonObject parameters, CancellationToken cancellationToken)
    {
        var answer = (await CallAsync(whmcs, function, parameters, cancellationToken))?.ToString() ?? "";
        Expect(answer == "success", $"{function} answered \"{answer}\" instead of success");
        return answer;
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Still open by this process: left for the next run.
        }
    }

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new CommandFailedException($"The demo stopped: {failure}.");
        }
    }
}
