using System.Text.Json.Nodes;
using JetpackWhmcs.Benchmarks.Ledger;
using JetpackWhmcs.Benchmarks.Reporting;
using JetpackWhmcs.Benchmarks.Support;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Service.Bridge;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace JetpackWhmcs.Benchmarks.ClientArea;

/// <summary>
/// One client-area view of an active licence on a MariaDB ledger, layer by layer: through the real PHP
/// bridge (php-cli calling jetpack_ClientArea, a new connection each call as every WHMCS page makes),
/// the same request by hand with curl's timings, the signed endpoint from .NET (new connection, then
/// keep-alive), the engine alone, and the original module's in-process SELECT for contrast. The
/// service runs as its own <c>serve</c> process with production settings.
/// </summary>
internal static class ClientAreaBenchmark
{
    public static async Task RunAsync(string? mySqlServer, int calls, int rounds)
    {
        if (mySqlServer is null)
        {
            Console.Error.WriteLine("clientarea needs MariaDB: run scripts/mariadb.sh start, then source .test-run/mariadb.env.");
            Environment.ExitCode = 1;
            return;
        }

        Console.WriteLine($"Machine before: {MachineLoad.Describe()}");
        var options = new SandboxOptions { Seed = 7 };
        options.Tokens.Add(WhmcsParams.Token);
        await using var sandbox = await SandboxServer.StartAsync(options, Ports.FreeUrl());
        await using var database = await BenchmarkDatabase.MariaDbAsync(mySqlServer);
        var scratch = Directory.CreateTempSubdirectory("jetpack-whmcs-clientarea-").FullName;
        try
        {
            var dataDir = Path.Combine(scratch, "data");
            await using var service = await ServiceProcess.StartAsync(database.ConnectionString, sandbox.BaseUrl, dataDir);
            var secret = BridgeSecret.TryRead(Path.Combine(dataDir, "bridge-secret")) ?? throw new InvalidOperationException("The service wrote no bridge secret.");
            var parameters = WhmcsParams.ForService(1);
            using (var setup = new HttpClient { BaseAddress = new Uri(service.Url + "/") })
            {
                var created = await new BridgeClient(setup, secret, TimeProvider.System).CallAsync("CreateAccount", parameters);
                if (created.ResultText != "success")
                {
                    throw new InvalidOperationException($"CreateAccount failed: {created.Body}");
                }
            }

            var moduleDir = await InstallBridgeAsync(scratch, service);
            var server = new MySqlConnectionStringBuilder(database.ConnectionString);
            var dsn = $"mysql:host={server.Server};port={server.Port};dbname={server.Database}";
            var ledger = LedgerFactory.Create(database.ConnectionString);
            var engine = new ModuleEngine(
                JetpackLicensingClientFactory.Create(new JetpackLicensingOptions { BaseUrl = sandbox.BaseUrl }),
                ledger,
                TimeProvider.System,
                NullLogger<ModuleEngine>.Instance);
            const string Slot = "service:1";
            var layers = new (string Name, Func<int, Task<Dictionary<string, Timings>>> Run)[]
            {
                ("bridge", async n => Rename(await PhpLoop.RunAsync("bridge", moduleDir, Text(n)), ("total", "PHP bridge: jetpack_ClientArea (php-cli, new connection per call)"))),
                ("by hand", async n => Rename(
                    await PhpLoop.RunAsync("curl", moduleDir, Text(n)),
                    ("total", "PHP, the bridge's request by hand: total"),
                    ("prepare", "  of which config.php, JSON, signing"),
                    ("connect", "  of which TCP connect (curl)"),
                    ("first byte after connect", "  of which connect to first answer byte (the service)"))),
                ("new connection", async n => One(".NET client, signed endpoint, new connection per call", await TimeEndpointAsync(service.Url, secret, parameters, n, newConnection: true))),
                ("keep-alive", async n => One(".NET client, signed endpoint, keep-alive", await TimeEndpointAsync(service.Url, secret, parameters, n, newConnection: false))),
                ("engine", async n => One("engine alone (in this process, same ledger)", await TimeEngineAsync(engine, parameters, n))),
                ("ledger", async n => One("  its lookup: ledger by slot (reset, SET time_zone, SELECT: 3 round trips)", await DatabaseLayers.LedgerAsync(ledger, Slot, n))),
                ("raw", async n => One("  the same 3 round trips by hand (MySqlConnector, no Dapper)", await DatabaseLayers.AsTheLedgerDoesAsync(database.ConnectionString, Slot, n))),
                ("kept", async n => One("  session kept between uses (no reset, time zone once): 1 round trip", await DatabaseLayers.KeptSessionAsync(database.ConnectionString, Slot, n))),
                ("original", async n => One("original module in-process: one SELECT over the open PDO connection", (await PhpLoop.RunAsync("original", dsn, server.UserID, server.Password, Text(n)))["total"])),
            };

            // The machine is shared: every layer runs a share of its calls in each round, in a rotated
            // order, so a burst of someone else's work lands on all layers alike.
            var series = new Dictionary<string, Timings>();
            var order = new List<string>();
            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < layers.Length; k++)
                {
                    foreach (var (row, timings) in await layers[(k + round) % layers.Length].Run(calls / rounds))
                    {
                        if (!series.TryGetValue(row, out var all))
                        {
                            series[row] = all = new Timings();
                            order.Add(row);
                        }

                        all.Add(timings);
                    }
                }
            }

            var table = new ResultTable("ClientArea of an active licence, MariaDB ledger", "calls", "p50 ms", "p99 ms", "max ms");
            foreach (var row in order)
            {
                var t = series[row];
                table.Add(row, t.Count, t.Percentile(50) / 1000, t.Percentile(99) / 1000, t.Percentile(100) / 1000);
            }

            Console.WriteLine();
            Console.WriteLine($"{rounds} rounds of {calls / rounds} calls per layer, after 20 warm-up calls per run:");
            Console.WriteLine();
            Console.WriteLine(table);
            Console.WriteLine($"Machine after: {MachineLoad.Describe()}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Text(int calls) => calls.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, Timings> One(string row, Timings timings) => new() { [row] = timings };

    /// <summary>The PHP script's series under the table's row names, in the order given.</summary>
    private static Dictionary<string, Timings> Rename(Dictionary<string, Timings> series, params (string Series, string Row)[] names) =>
        names.ToDictionary(n => n.Row, n => series[n.Series]);

    /// <summary>A scratch WHMCS tree with the bridge installed by the real installer; returns the module's folder.</summary>
    private static async Task<string> InstallBridgeAsync(string scratch, ServiceProcess service)
    {
        var root = Path.Combine(scratch, "whmcs");
        Directory.CreateDirectory(Path.Combine(root, "modules", "servers"));
        await File.WriteAllTextAsync(Path.Combine(root, "configuration.php"), "<?php\n$db_host = '127.0.0.1';\n$db_name = 'whmcs';\n");
        await ServiceProcess.RunCommandAsync("whmcs", "install", "--whmcs-root", root, "--service-url", service.Url, "--data-dir", service.DataDir);
        return Path.Combine(root, "modules", "servers", "jetpack");
    }

    private static async Task<Timings> TimeEndpointAsync(string url, BridgeSecret secret, JsonObject parameters, int calls, bool newConnection)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = newConnection ? TimeSpan.Zero : Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url + "/") };
        var client = new BridgeClient(http, secret, TimeProvider.System);
        var timings = new Timings();
        for (var i = -20; i < calls; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var answer = await client.CallAsync("ClientArea", parameters);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (answer.Result?["vars"]?["state"]?.GetValue<string>() != "active")
            {
                throw new InvalidOperationException($"ClientArea answered {answer.Body}");
            }

            if (i >= 0)
            {
                timings.Add(elapsed);
            }
        }

        return timings;
    }

    private static async Task<Timings> TimeEngineAsync(ModuleEngine engine, JsonObject parameters, int calls)
    {
        var element = WhmcsParams.Element(parameters);
        var timings = new Timings();
        for (var i = -20; i < calls; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await engine.InvokeAsync("ClientArea", element);
            if (i >= 0)
            {
                timings.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
        }

        return timings;
    }
}
