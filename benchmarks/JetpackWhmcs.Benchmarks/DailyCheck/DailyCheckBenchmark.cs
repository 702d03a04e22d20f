using System.Diagnostics;
using System.Globalization;
using System.Text;
using JetpackWhmcs.Benchmarks.Ledger;
using JetpackWhmcs.Benchmarks.Reporting;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Operator.Checks;
using JetpackWhmcs.Operator.Costs;
using JetpackWhmcs.Operator.Drift;
using JetpackWhmcs.Provisioning.Reconciliation;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Whmcs;
using Microsoft.Extensions.Logging.Abstractions;

namespace JetpackWhmcs.Benchmarks.DailyCheck;

/// <summary>
/// The daily check of a large partner: <c>licences</c> licences on the sandbox (over real HTTP, 100 per
/// page as reconcile lists them) and as many rows in the ledger, with a little drift planted (0.1%
/// unknown to WHMCS, 0.1% revoked outside WHMCS). Runs the check as the service does (background
/// runner, progress, findings stored, the day's prices) and reports wall time, peak working set,
/// peak managed heap and allocation, beside the process's figures before the run (the in-process
/// sandbox holds its licences too).
/// </summary>
internal static class DailyCheckBenchmark
{
    private const string Token = "bench-daily-check-token";
    private const int BatchSize = 2000;

    public static async Task RunAsync(int licences, string? mySqlServer)
    {
        var table = new ResultTable("database", "licences", "wall s", "API requests", "findings", "unknown / revoked outside found", "working set before MB", "peak working set MB", "peak managed heap MB", "allocated MB");
        await using (var sqlite = BenchmarkDatabase.Sqlite())
        {
            await MeasureAsync(sqlite, licences, table);
        }

        if (mySqlServer is not null)
        {
            await using var mariaDb = await BenchmarkDatabase.MariaDbAsync(mySqlServer);
            await MeasureAsync(mariaDb, licences, table);
        }
        else
        {
            Console.WriteLine("MariaDB skipped: set JETPACK_WHMCS_TEST_MYSQL (scripts/mariadb.sh start writes it).");
        }

        Console.WriteLine();
        Console.WriteLine(table);
    }

    private static async Task MeasureAsync(BenchmarkDatabase database, int licences, ResultTable table)
    {
        var options = new SandboxOptions { Seed = 9 };
        options.Tokens.Add(Token);
        await using var sandbox = await SandboxServer.StartAsync(options);
        var ledger = LedgerFactory.Create(database.ConnectionString);
        await ledger.MigrateAsync();
        var drift = Math.Max(1, licences / 1000);
        var issued = Enumerable.Range(0, licences).Select(_ => sandbox.Store.IssueDirect(Token, "jetpack-backup-daily")).ToList();
        Fill(database, issued.Skip(drift).Select(l => l.LicenseKey).ToList());
        foreach (var licence in issued.Skip(drift).Take(drift))
        {
            sandbox.Store.RevokeDirect(Token, licence.LicenseKey);
        }

        Console.WriteLine($"{database.Provider}: {licences:N0} licences on the sandbox, {licences - drift:N0} rows in the ledger; checking.");
        var client = JetpackLicensingClientFactory.Create(new JetpackLicensingOptions { BaseUrl = sandbox.BaseUrl });
        var store = LedgerFactory.CreateOperatorStore(database.ConnectionString);
        var tokens = new BenchTokens(Token);
        var reconciliation = new ReconciliationService(client, ledger, TimeProvider.System, NullLogger<ReconciliationService>.Instance);
        var check = new DriftCheck(reconciliation, WhmcsDatabaseFactory.Create(database.ConnectionString), tokens);
        using var runner = new CheckRunner(store, check, new PartnerPriceRecorder(client, store, TimeProvider.System), tokens, TimeProvider.System, NullLogger<CheckRunner>.Instance);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var requestsBefore = sandbox.Counters.Total;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        CheckRecord finished;
        TimeSpan elapsed;
        await using (var memory = new MemorySampler())
        {
            var started = Stopwatch.GetTimestamp();
            var start = await runner.StartAsync(CheckKind.Daily, "cron");
            await runner.WhenIdleAsync();
            elapsed = Stopwatch.GetElapsedTime(started);
            finished = (await store.GetCheckAsync(start.CheckId))!;
            await memory.StopAsync();
            var counts = DriftJson.ReadCounts(finished.CountsJson);
            table.Add(
                database.Provider,
                licences.ToString("N0", CultureInfo.InvariantCulture),
                elapsed.TotalSeconds,
                (sandbox.Counters.Total - requestsBefore).ToString("N0", CultureInfo.InvariantCulture),
                counts.Total,
                $"{counts.ByKind.GetValueOrDefault(FindingKind.UnknownToWhmcs)} / {counts.ByKind.GetValueOrDefault(FindingKind.RevokedOutsideWhmcs)} (planted {drift} / {drift})",
                Mb(before),
                Mb(memory.PeakWorkingSet),
                Mb(memory.PeakManagedHeap),
                Mb(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore));
        }

        if (finished.Status != CheckStatus.Finished)
        {
            Console.WriteLine($"The check ended {finished.Status}: {finished.Error}");
        }
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>Active service rows for <paramref name="keys"/>, straight through SQL (the engine would take hours through the API).</summary>
    private static void Fill(BenchmarkDatabase database, List<string> keys)
    {
        var fingerprint = TokenFingerprint.Of(Token);
        using var connection = database.OpenConnection();
        for (var start = 0; start < keys.Count; start += BatchSize)
        {
            // Keys are the sandbox's own (slug, underscore, letters and digits) and ids are generated: nothing from outside.
            var sql = new StringBuilder(
                $"INSERT INTO {LedgerSchema.LicensesTable} (order_id, product_id, license_key, issued_at, service_id, state, active_owner, product_slug, token_fingerprint) VALUES ");
            for (var i = start; i < Math.Min(keys.Count, start + BatchSize); i++)
            {
                var id = (i + 1).ToString(CultureInfo.InvariantCulture);
                sql.Append(i > start ? "," : "").Append(CultureInfo.InvariantCulture,
                    $"({id},1,'{keys[i]}','2025-01-01 00:00:00',{id},'active','service:{id}','jetpack-backup-daily','{fingerprint}')");
            }

            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql.ToString();
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
