using System.Net;
using System.Text.Json.Nodes;
using JetpackWhmcs.Benchmarks.Ledger;
using JetpackWhmcs.Benchmarks.Reporting;
using JetpackWhmcs.Benchmarks.Support;
using JetpackWhmcs.Benchmarks.Wan;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace JetpackWhmcs.Benchmarks.DbCost;

/// <summary>
/// The database cost of each module function on MariaDB: round trips (counted on the wire by a
/// proxy without delay), statements by kind and commits per call, through the engine alone and through the service's signed endpoint (which adds the
/// nonce of a changing call). Two passes per path on separate services: one reads the server's
/// status counters with the general log off, one reads the general log. Counts, not times, so the
/// machine's load does not change them; re-run it whenever the engine's protocol changes.
/// </summary>
internal static class DbCostBenchmark
{
    public static async Task RunAsync(string? mySqlServer, int samples, bool printStatements)
    {
        if (mySqlServer is null)
        {
            Console.Error.WriteLine("db-cost needs MariaDB: run scripts/mariadb.sh start, then source .test-run/mariadb.env.");
            Environment.ExitCode = 1;
            return;
        }

        Console.WriteLine($"Machine before: {MachineLoad.Describe()} (counts do not depend on it)");
        var options = new SandboxOptions { Seed = 7 };
        options.Tokens.Add(WhmcsParams.Token);
        await using var sandbox = await SandboxServer.StartAsync(options, Ports.FreeUrl());
        await using var counters = await ServerCounters.OpenAsync(mySqlServer);
        // The measured connections reach MariaDB through a proxy without delay: what it counts are the
        // round trips on the wire, pipelined packets (a pooled connection's reset) counted once.
        var server = new MySqlConnectionStringBuilder(mySqlServer);
        await using var wire = DelayProxy.Start(Ports.Free(), new IPEndPoint(IPAddress.Parse(server.Server), (int)server.Port), TimeSpan.Zero);
        await CountingCheck.RunAsync(counters, wire, mySqlServer);

        var results = new List<FunctionCost>();
        await using (var database = await BenchmarkDatabase.MariaDbAsync(mySqlServer))
        {
            var ledger = LedgerFactory.Create(Through(wire, database.ConnectionString));
            await ledger.MigrateAsync();
            var client = JetpackLicensingClientFactory.Create(new JetpackLicensingOptions { BaseUrl = sandbox.BaseUrl });
            var engine = new ModuleEngine(client, ledger, TimeProvider.System, NullLogger<ModuleEngine>.Instance);
            results.AddRange(await MeasurePathAsync("engine", counters, wire, samples, async (function, p) =>
                (await engine.InvokeAsync(function, WhmcsParams.Element(p))).Outcome.ToString()));
        }

        await using (var database = await BenchmarkDatabase.MariaDbAsync(mySqlServer))
        {
            await using var service = await RunningService.StartAsync(Through(wire, database.ConnectionString), sandbox.BaseUrl, "Warning");
            results.AddRange(await MeasurePathAsync("signed endpoint", counters, wire, samples, service.CallAsync));
        }

        var labels = results.Select(r => r.Label).Distinct().ToList();
        var byLog = new ResultTable("function", "path", "outcome", "round trips", "SELECT", "INSERT/UPDATE/DELETE", "SET", "write commits", "connections opened");
        var byStatus = new ResultTable(["function", "path", .. ServerCounters.Names.Where(n => n != "Connections")]);
        foreach (var r in results.OrderBy(r => labels.IndexOf(r.Label)).ThenBy(r => r.Path, StringComparer.Ordinal))
        {
            var logged = r.Calls.Where(c => c.Log is not null).Select(c => c.Log!).ToList();
            byLog.Add(r.Label, r.Path, r.Outcome, Spread(r.Calls, c => c.RoundTrips), Spread(logged, l => l.Selects), Spread(logged, l => l.Writes), Spread(logged, l => l.Sets), Spread(logged, l => l.WriteCommits), Spread(r.Calls, c => c.Connections));
            var counted = r.Calls.Where(c => c.Status is not null).Select(c => c.Status!).ToList();
            byStatus.Add([r.Label, r.Path, .. ServerCounters.Names.Where(n => n != "Connections").Select(n => (object)Spread(counted, s => (int)s[n]))]);
        }

        Console.WriteLine();
        Console.WriteLine($"Database cost per module call on MariaDB ({samples} + {samples} samples per function and path; a range means the samples differed):");
        Console.WriteLine();
        Console.WriteLine("Round trips and connections counted on the wire; statements and write commits from the general log:");
        Console.WriteLine();
        Console.WriteLine(byLog);
        Console.WriteLine("SHOW GLOBAL STATUS deltas (general log off; the observer's own statements subtracted):");
        Console.WriteLine();
        Console.WriteLine(byStatus);
        if (printStatements)
        {
            foreach (var r in results)
            {
                Console.WriteLine($"-- {r.Label}, {r.Path}:");
                foreach (var line in r.Calls.First(c => c.Log is not null).Log!.Lines)
                {
                    Console.WriteLine("   " + line);
                }
            }
        }
    }

    /// <summary><paramref name="connectionString"/> with its server replaced by the counting proxy.</summary>
    public static string Through(DelayProxy wire, string connectionString) =>
        new MySqlConnectionStringBuilder(connectionString) { Server = "127.0.0.1", Port = (uint)wire.Port }.ConnectionString;

    private static async Task<List<FunctionCost>> MeasurePathAsync(
        string path, ServerCounters counters, DelayProxy wire, int samples, Func<string, JsonObject, Task<string>> call)
    {
        // One unmeasured life first: pools, JIT and the product catalogue's cache are warm after it.
        foreach (var (_, function, p) in ModuleScript.For(1))
        {
            await call(function, p);
        }

        var costs = new Dictionary<string, FunctionCost>();
        var order = new List<string>();
        for (var sample = 0; sample < 2 * samples; sample++)
        {
            var withLog = sample >= samples;
            await counters.SetGeneralLogAsync(withLog);
            foreach (var (label, function, p) in ModuleScript.For(100 + sample))
            {
                if (withLog)
                {
                    await counters.ClearGeneralLogAsync();
                }

                var before = withLog ? null : await counters.SnapshotAsync();
                wire.ResetCounters();
                var outcome = await call(function, p);
                var (roundTrips, connections) = ((int)wire.Flights, (int)wire.Connections);
                var cost = new CallCost(
                    roundTrips,
                    connections,
                    before is null ? null : counters.Delta(before, await counters.SnapshotAsync()),
                    withLog ? StatementLog.From(await counters.ReadGeneralLogAsync()) : null);
                if (!costs.TryGetValue(label, out var entry))
                {
                    costs[label] = entry = new FunctionCost(label, path, outcome, []);
                    order.Add(label);
                }

                entry.Calls.Add(cost);
            }
        }

        await counters.SetGeneralLogAsync(false);
        Console.WriteLine($"{path}: measured {order.Count} functions");
        return [.. order.Select(label => costs[label])];
    }

    private static string Spread<T>(List<T> samples, Func<T, int> value)
    {
        if (samples.Count == 0)
        {
            return "-";
        }

        var values = samples.Select(value).Order().ToList();
        return values[0] == values[^1] ? values[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{values[0]}–{values[^1]}";
    }

    /// <summary>One call: round trips and connections on the wire, and either the counters or the log.</summary>
    private sealed record CallCost(int RoundTrips, int Connections, Dictionary<string, long>? Status, StatementLog? Log);

    private sealed record FunctionCost(string Label, string Path, string Outcome, List<CallCost> Calls);
}
