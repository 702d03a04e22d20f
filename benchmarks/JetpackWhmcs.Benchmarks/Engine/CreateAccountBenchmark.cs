using System.Diagnostics;
using System.Text.Json;
using JetpackWhmcs.Benchmarks.Ledger;
using JetpackWhmcs.Benchmarks.Reporting;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace JetpackWhmcs.Benchmarks.Engine;

/// <summary>
/// Provisions <c>services</c> distinct WHMCS services through the engine, <c>concurrency</c> at a time,
/// against the sandbox over real HTTP with a fixed API latency, and reports throughput, latency
/// percentiles, allocation per call, and whether the sandbox and the ledger agree afterwards. A second
/// pass loses 5% of the issue answers to show what recovery costs.
/// </summary>
internal static class CreateAccountBenchmark
{
    private const string Token = "bench-token";

    public static async Task RunAsync(int services, int concurrency, TimeSpan latency, string? mySqlServer)
    {
        var table = new ResultTable("database", "lost answers", "services", "concurrency", "API latency ms", "calls/s", "p50 ms", "p99 ms", "KB allocated/call", "licences on sandbox", "active rows in ledger", "errors");
        await using (var sqlite = BenchmarkDatabase.Sqlite())
        {
            await MeasureAsync(sqlite, services, concurrency, latency, 0, table);
        }

        await using (var sqlite = BenchmarkDatabase.Sqlite())
        {
            await MeasureAsync(sqlite, services, concurrency, latency, 0.05, table);
        }

        if (mySqlServer is not null)
        {
            await using (var mariaDb = await BenchmarkDatabase.MariaDbAsync(mySqlServer))
            {
                await MeasureAsync(mariaDb, services, concurrency, latency, 0, table);
            }

            await using (var mariaDb = await BenchmarkDatabase.MariaDbAsync(mySqlServer))
            {
                await MeasureAsync(mariaDb, services, concurrency, latency, 0.05, table);
            }
        }
        else
        {
            Console.WriteLine("MariaDB skipped: set JETPACK_WHMCS_TEST_MYSQL (scripts/mariadb.sh start writes it).");
        }

        Console.WriteLine();
        Console.WriteLine(table);
    }

    private static async Task MeasureAsync(BenchmarkDatabase database, int services, int concurrency, TimeSpan latency, double lostAnswerRate, ResultTable table)
    {
        var options = new SandboxOptions { Seed = 7 };
        options.Tokens.Add(Token);
        await using var sandbox = await SandboxServer.StartAsync(options);
        sandbox.Faults.Latency = latency;
        sandbox.Faults.SetLostAnswerRate(SandboxEndpoint.IssueLicense, lostAnswerRate);

        var ledger = LedgerFactory.Create(database.ConnectionString);
        await ledger.MigrateAsync();
        var client = JetpackLicensingClientFactory.Create(new JetpackLicensingOptions { BaseUrl = sandbox.BaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(20) });
        var engine = new ModuleEngine(client, ledger, TimeProvider.System, NullLogger<ModuleEngine>.Instance);

        var timings = new Timings();
        var errors = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(1, services), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (serviceId, cancellationToken) =>
        {
            using var parameters = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["serviceid"] = serviceId,
                ["orderid"] = 10_000 + serviceId,
                ["pid"] = 3,
                ["userid"] = 1,
                ["domain"] = $"site{serviceId}.example",
                ["configoption1"] = Token,
                ["configoption2"] = "jetpack-backup-daily",
                ["configoption3"] = "on",
            }));
            var result = await timings.MeasureAsync(() => engine.InvokeAsync("CreateAccount", parameters.RootElement, cancellationToken));
            if (result.Outcome != ModuleOutcome.Success)
            {
                // A lost answer that recovery could not settle at once: WHMCS would retry the call.
                var retry = await engine.InvokeAsync("CreateAccount", parameters.RootElement, cancellationToken);
                if (retry.Outcome != ModuleOutcome.Success)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var onSandbox = sandbox.Store.LicensesOf(Token).Count;
        var counts = await ledger.CountByStateAsync();
        table.Add(
            database.Provider,
            $"{lostAnswerRate:P0}",
            services,
            concurrency,
            latency.TotalMilliseconds,
            services / elapsed.TotalSeconds,
            timings.Percentile(50) / 1000,
            timings.Percentile(99) / 1000,
            allocated / 1024.0 / services,
            onSandbox,
            counts.GetValueOrDefault(LicenseState.Active),
            errors);
    }
}
