using System.Net;
using JetpackWhmcs.Benchmarks.Ledger;
using JetpackWhmcs.Benchmarks.Reporting;
using JetpackWhmcs.Benchmarks.Support;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace JetpackWhmcs.Benchmarks.Wan;

/// <summary>
/// CreateAccount, one call at a time, against the sandbox behind <see cref="DelayProxy"/> (a WAN link
/// of a given one-way delay): the product's client, whose pooled keep-alive connection stays warm
/// between calls, against a baseline that opens a new connection for every call (the same handler
/// with <c>PooledConnectionLifetime</c> zero). A run without the proxy gives the server time; an
/// optional run waits longer than the pool's idle timeout before each call, as WHMCS's sporadic paid
/// calls do. The
/// proxy counts connections and round trips; the sandbox counts licences, to show none was doubled.
/// </summary>
internal static class WanBenchmark
{
    public static async Task RunAsync(int calls, TimeSpan oneWay, string? mySqlServer, TimeSpan idleGap, int idleCalls)
    {
        Console.WriteLine($"Machine before: {MachineLoad.Describe()}");
        var options = new SandboxOptions { Seed = 7 };
        options.Tokens.Add(WhmcsParams.Token);
        await using var sandbox = await SandboxServer.StartAsync(options, Ports.FreeUrl());
        await using var proxy = DelayProxy.Start(Ports.Free(), new IPEndPoint(IPAddress.Loopback, sandbox.BaseUrl.Port), oneWay);
        var throughProxy = new UriBuilder(sandbox.BaseUrl) { Port = proxy.Port }.Uri;
        await using var database = mySqlServer is null ? BenchmarkDatabase.Sqlite() : await BenchmarkDatabase.MariaDbAsync(mySqlServer);
        var ledger = LedgerFactory.Create(database.ConnectionString);
        await ledger.MigrateAsync();

        var rtt = 2 * oneWay.TotalMilliseconds;
        var table = new ResultTable("link", "client connection", "calls", "p50 ms", "p99 ms", "p50 above server time, in RTTs", "TCP connections per call", "round trips per call", "licences issued per call");
        var nextService = 1L;
        var server = await MeasureAsync("loopback, no delay", "warm pooled (product)", JetpackLicensingClientFactory.CreateHandler(), sandbox.BaseUrl, null, calls, TimeSpan.Zero);
        var serverP50 = server.P50;
        table.Add("loopback, no delay", "warm pooled (product)", calls, server.P50, server.P99, "-", "-", "-", server.LicencesPerCall);
        foreach (var (name, handler) in new (string, SocketsHttpHandler)[]
        {
            ("warm pooled (product)", JetpackLicensingClientFactory.CreateHandler()),
            ("new connection per call", NewConnectionPerCall()),
        })
        {
            var run = await MeasureAsync(Link(), name, handler, throughProxy, proxy, calls, TimeSpan.Zero);
            table.Add(Link(), name, calls, run.P50, run.P99, (run.P50 - serverP50) / rtt, run.ConnectionsPerCall, run.RoundTripsPerCall, run.LicencesPerCall);
        }

        if (idleCalls > 0)
        {
            // WHMCS's paid calls come minutes apart: the product's pool, idle longer than its idle timeout before each call.
            var name = $"product's pool, {idleGap.TotalSeconds:0} s idle before each call";
            var run = await MeasureAsync(Link(), name, JetpackLicensingClientFactory.CreateHandler(), throughProxy, proxy, idleCalls, idleGap);
            table.Add(Link(), name, idleCalls, run.P50, run.P99, (run.P50 - serverP50) / rtt, run.ConnectionsPerCall, run.RoundTripsPerCall, run.LicencesPerCall);
        }

        Console.WriteLine();
        Console.WriteLine($"CreateAccount over a WAN link ({database.Provider} ledger, one call at a time, {calls} calls each after 5 warm-up calls):");
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"Machine after: {MachineLoad.Describe()}");

        string Link() => $"WAN {oneWay.TotalMilliseconds:0} ms one way (RTT {rtt:0} ms)";

        async Task<Run> MeasureAsync(string link, string name, SocketsHttpHandler handler, Uri baseUrl, DelayProxy? counted, int count, TimeSpan gap)
        {
            using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var client = new JetpackLicensingClient(http, new JetpackLicensingOptions { BaseUrl = baseUrl });
            var engine = new ModuleEngine(client, ledger, TimeProvider.System, NullLogger<ModuleEngine>.Instance);
            for (var i = 0; i < 5; i++)
            {
                await CreateAsync(engine, nextService++);
            }

            counted?.ResetCounters();
            var issuedBefore = sandbox.Store.LicensesOf(WhmcsParams.Token).Count;
            var timings = new Timings();
            for (var i = 0; i < count; i++)
            {
                await Task.Delay(gap);
                var serviceId = nextService++;
                await timings.MeasureAsync(() => CreateAsync(engine, serviceId));
            }

            var issued = sandbox.Store.LicensesOf(WhmcsParams.Token).Count - issuedBefore;
            Console.WriteLine($"{link}, {name}: done");
            return new Run(
                timings.Percentile(50) / 1000,
                timings.Percentile(99) / 1000,
                counted is null ? double.NaN : (double)counted.Connections / count,
                counted is null ? double.NaN : (double)counted.RoundTrips / count,
                (double)issued / count);
        }
    }

    /// <summary>The product's handler, except that no connection is ever reused: the baseline.</summary>
    private static SocketsHttpHandler NewConnectionPerCall()
    {
        var handler = JetpackLicensingClientFactory.CreateHandler();
        handler.PooledConnectionLifetime = TimeSpan.Zero;
        return handler;
    }

    private static async Task<bool> CreateAsync(ModuleEngine engine, long serviceId)
    {
        var result = await engine.InvokeAsync("CreateAccount", WhmcsParams.Element(WhmcsParams.ForService(serviceId)));
        return result.Outcome == ModuleOutcome.Success
            ? true
            : throw new InvalidOperationException($"CreateAccount for service {serviceId} answered {result.Outcome}: {result.Value}");
    }

    private sealed record Run(double P50, double P99, double ConnectionsPerCall, double RoundTripsPerCall, double LicencesPerCall);
}
