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
/// keep-alive), the engine alone and its lookup, and the original module's in-process SELECT for
/// contrast. The service runs as its own <c>serve</c> process with production settings; the CPU time
/// it spends per call is read from the kernel, which the machine's load does not inflate as it does
/// wall time. A baseline service (another build, or other settings) can run beside it, measured in
/// the same rounds.
/// </summary>
internal static class ClientAreaBenchmark
{
    private const string Slot = "service:1";
    private const int WarmUpCalls = 500;

    public static async Task RunAsync(string? mySqlServer, int calls, int rounds, string? baselineBinary, IReadOnlyDictionary<string, string>? baselineEnvironment)
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
        var services = new List<ServiceUnderBench>();
        try
        {
            services.Add(await ServiceUnderBench.StartAsync("this build", scratch, database.ConnectionString, sandbox.BaseUrl, null, null));
            if (baselineBinary is not null || baselineEnvironment is not null)
            {
                services.Add(await ServiceUnderBench.StartAsync("baseline", scratch, database.ConnectionString, sandbox.BaseUrl, baselineBinary, baselineEnvironment));
            }

            var layers = new List<Layer>();
            foreach (var service in services)
            {
                layers.AddRange(ServiceLayers(service, services.Count > 1 ? $" [{service.Label}]" : ""));
            }

            layers.AddRange(InProcessLayers(database.ConnectionString, sandbox.BaseUrl));

            // Warm every layer first: a service that has just started spends CPU compiling its hot
            // paths again at the higher tier, which is no cost of a call.
            foreach (var layer in layers)
            {
                await layer.Run(WarmUpCalls);
            }

            foreach (var service in services)
            {
                var idleBefore = service.Process.CpuTime;
                await Task.Delay(TimeSpan.FromSeconds(2));
                Console.WriteLine($"{service.Label}: {(service.Process.CpuTime - idleBefore).TotalMilliseconds / 2:0.0} ms CPU per second while idle");
            }

            var results = await RunRoundsAsync(layers, calls, rounds);

            var table = new ResultTable("ClientArea of an active licence, MariaDB ledger", "calls", "p50 ms", "p99 ms", "max ms", "CPU µs per call");
            foreach (var (row, result) in results)
            {
                var t = result.Timings;
                table.Add(row, t.Count, t.Percentile(50) / 1000, t.Percentile(99) / 1000, t.Percentile(100) / 1000, result.CpuPerCall is { } cpu ? cpu : "");
            }

            Console.WriteLine();
            Console.WriteLine($"{WarmUpCalls} warm-up calls per layer, then {rounds} rounds of {calls / rounds} calls per layer (each run after 20 more warm-up calls); CPU: the service process's (rows that reach it) or this process's (in-process rows), warm-up calls included:");
            Console.WriteLine();
            Console.WriteLine(table);
            Console.WriteLine($"Machine after: {MachineLoad.Describe()}");
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }

            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// The machine is shared: every layer runs a share of its calls in each round, in a rotated order,
    /// so a burst of someone else's work lands on all layers alike.
    /// </summary>
    private static async Task<List<(string Row, RowResult Result)>> RunRoundsAsync(List<Layer> layers, int calls, int rounds)
    {
        var results = new List<(string Row, RowResult Result)>();
        var perRound = calls / rounds;
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < layers.Count; k++)
            {
                var layer = layers[(k + round) % layers.Count];
                var cpuBefore = layer.Cpu();
                var series = await layer.Run(perRound);
                var cpu = layer.Cpu() - cpuBefore;
                var first = true;
                foreach (var (row, timings) in series)
                {
                    var index = results.FindIndex(r => r.Row == row);
                    if (index < 0)
                    {
                        results.Add((row, new RowResult(new Timings(), layer.Index)));
                        index = results.Count - 1;
                    }

                    results[index].Result.Timings.Add(timings);
                    if (first)
                    {
                        // The CPU belongs to the layer's first row (its total).
                        results[index].Result.AddCpu(cpu, perRound + 20);
                        first = false;
                    }
                }
            }
        }

        return [.. results.OrderBy(r => r.Result.LayerIndex)];
    }

    private static IEnumerable<Layer> ServiceLayers(ServiceUnderBench service, string suffix)
    {
        var cpu = () => service.Process.CpuTime;
        var parameters = WhmcsParams.ForService(1);
        yield return new Layer(0, cpu, async n => Rename(
            await PhpLoop.RunAsync("bridge", service.ModuleDir, Text(n)),
            ("total", "PHP bridge: jetpack_ClientArea (php-cli, new connection per call)" + suffix)));
        yield return new Layer(1, cpu, async n => Rename(
            await PhpLoop.RunAsync("curl", service.ModuleDir, Text(n)),
            ("total", "PHP, the bridge's request by hand: total" + suffix),
            ("prepare", "  of which config.php, JSON, signing" + suffix),
            ("connect", "  of which TCP connect (curl)" + suffix),
            ("first byte after connect", "  of which connect to first answer byte (the service)" + suffix)));
        yield return new Layer(1, cpu, async n => Rename(
            await PhpLoop.RunAsync("curl", service.ModuleDir, Text(n), service.Process.UnixSocket),
            ("total", "PHP, the same request by hand over a Unix socket: total" + suffix),
            ("first byte after connect", "  of which connect to first answer byte (the service, Unix socket)" + suffix)));
        yield return new Layer(2, cpu, async n => One(".NET client, signed endpoint, new connection per call" + suffix, await TimeEndpointAsync(service, parameters, n, newConnection: true)));
        yield return new Layer(3, cpu, async n => One(".NET client, signed endpoint, keep-alive" + suffix, await TimeEndpointAsync(service, parameters, n, newConnection: false)));
    }

    private static IEnumerable<Layer> InProcessLayers(string database, Uri apiUrl)
    {
        var ledger = LedgerFactory.Create(database);
        var engine = new ModuleEngine(
            JetpackLicensingClientFactory.Create(new JetpackLicensingOptions { BaseUrl = apiUrl }),
            ledger,
            TimeProvider.System,
            NullLogger<ModuleEngine>.Instance);
        var server = new MySqlConnectionStringBuilder(database);
        var dsn = $"mysql:host={server.Server};port={server.Port};dbname={server.Database}";
        var own = () => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var element = WhmcsParams.Element(WhmcsParams.ForService(1));
        yield return new Layer(10, own, async n => One("engine alone (in this process, same ledger)", await TimeAsync(n, async () => (await engine.InvokeAsync("ClientArea", element)).Value?["vars"]?["state"]?.GetValue<string>() == "active")));
        yield return new Layer(11, own, async n => One("  its lookup: ledger by slot (reset, SET time_zone, SELECT: 3 round trips)", await DatabaseLayers.LedgerAsync(ledger, Slot, n)));
        yield return new Layer(12, own, async n => One("  the same 3 round trips by hand (MySqlConnector, no Dapper)", await DatabaseLayers.AsTheLedgerDoesAsync(database, Slot, n)));
        yield return new Layer(13, own, async n => One("  session kept between uses (no reset, time zone once): 1 round trip", await DatabaseLayers.KeptSessionAsync(database, Slot, n)));
        yield return new Layer(14, () => TimeSpan.Zero, async n => One(
            "original module in-process: one SELECT over the open PDO connection",
            (await PhpLoop.RunAsync("original", dsn, server.UserID, server.Password, Text(n)))["total"]));
    }

    private static async Task<Timings> TimeEndpointAsync(ServiceUnderBench service, JsonObject parameters, int calls, bool newConnection)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = newConnection ? TimeSpan.Zero : Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(service.Process.Url + "/") };
        var client = new BridgeClient(http, service.Secret, TimeProvider.System);
        return await TimeAsync(calls, async () => (await client.CallAsync("ClientArea", parameters)).Result?["vars"]?["state"]?.GetValue<string>() == "active");
    }

    private static async Task<Timings> TimeAsync(int calls, Func<Task<bool>> call)
    {
        var timings = new Timings();
        for (var i = -20; i < calls; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (!await call())
            {
                throw new InvalidOperationException("ClientArea did not show the active licence.");
            }

            if (i >= 0)
            {
                timings.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
        }

        return timings;
    }

    private static string Text(int calls) => calls.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, Timings> One(string row, Timings timings) => new() { [row] = timings };

    /// <summary>The PHP script's series under the table's row names, in the order given.</summary>
    private static Dictionary<string, Timings> Rename(Dictionary<string, Timings> series, params (string Series, string Row)[] names) =>
        names.ToDictionary(n => n.Row, n => series[n.Series]);

    /// <summary>A way to reach the view: what it runs for N calls, and whose CPU clock it charges.</summary>
    private sealed record Layer(int Index, Func<TimeSpan> Cpu, Func<int, Task<Dictionary<string, Timings>>> Run);

    private sealed class RowResult(Timings timings, int layerIndex)
    {
        private TimeSpan cpu;
        private int cpuCalls;

        public Timings Timings => timings;

        public int LayerIndex => layerIndex;

        public double? CpuPerCall => cpuCalls == 0 || cpu == TimeSpan.Zero ? null : cpu.TotalMicroseconds / cpuCalls;

        public void AddCpu(TimeSpan spent, int calls) => (cpu, cpuCalls) = (cpu + spent, cpuCalls + calls);
    }
}
