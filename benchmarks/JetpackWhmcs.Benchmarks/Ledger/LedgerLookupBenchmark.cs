using System.Data.Common;
using System.Diagnostics;
using JetpackWhmcs.Benchmarks.Reporting;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Benchmarks.Ledger;

/// <summary>
/// Times every lookup the module functions make, on an empty ledger and on one of <c>rows</c> rows,
/// per database. The claim of issue 3 is that both answer alike because each lookup is an index seek;
/// the original module's query without our index is timed beside them for contrast.
/// </summary>
internal static class LedgerLookupBenchmark
{
    private const int Warmup = 100;

    public static async Task RunAsync(long rows, int lookups, string? mySqlServer)
    {
        var table = new ResultTable("database", "rows", "lookup", "calls", "p50 µs", "p99 µs");
        await using (var sqlite = BenchmarkDatabase.Sqlite())
        {
            await MeasureDatabaseAsync(sqlite, rows, lookups, table);
        }

        if (mySqlServer is null)
        {
            Console.WriteLine("MariaDB skipped: set JETPACK_WHMCS_TEST_MYSQL (scripts/mariadb.sh start writes it).");
        }
        else
        {
            await using var mariaDb = await BenchmarkDatabase.MariaDbAsync(mySqlServer);
            await MeasureDatabaseAsync(mariaDb, rows, lookups, table);
        }

        Console.WriteLine();
        Console.WriteLine(table);
    }

    private static async Task MeasureDatabaseAsync(BenchmarkDatabase database, long rows, int lookups, ResultTable table)
    {
        var ledger = LedgerFactory.Create(database.ConnectionString);
        await ledger.MigrateAsync();
        await MeasureLookupsAsync(database, ledger, 0, lookups, table);

        var started = Stopwatch.GetTimestamp();
        LedgerFiller.Fill(database, rows);
        Console.WriteLine($"{database.Provider}: filled {rows:N0} rows in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        await MeasureLookupsAsync(database, ledger, rows, lookups, table);
    }

    private static async Task MeasureLookupsAsync(BenchmarkDatabase database, ILicenseLedger ledger, long rows, int lookups, ResultTable table)
    {
        // A fixed seed: the same rows are looked up on every run. Not security-sensitive.
#pragma warning disable CA5394
        var random = new Random(42);
        long Pick(Func<long, bool> kind)
        {
            if (rows == 0)
            {
                return random.NextInt64(1, 1_000_000);
            }

            while (true)
            {
                var i = random.NextInt64(1, rows + 1);
                if (kind(i))
                {
                    return i;
                }
            }
        }
#pragma warning restore CA5394

        async Task Measure(string name, Func<Task> lookup, int calls)
        {
            for (var i = 0; i < Math.Min(Warmup, calls); i++)
            {
                await lookup();
            }

            var timings = new Timings();
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await lookup();
                timings.Add(Stopwatch.GetElapsedTime(start));
            }

            table.Add(database.Provider, rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), name, calls, timings.Percentile(50), timings.Percentile(99));
        }

        await Measure("by service slot (Create, Terminate, ClientArea)", () => ledger.FindBySlotAsync(LicenseOwner.Service(Pick(LedgerFiller.IsActiveService)).SlotKey), lookups);
        await Measure("by addon owner (addon history)", () => ledger.FindByOwnerAsync(LicenseOwner.Addon(Pick(LedgerFiller.IsAddon))), lookups);
        await Measure("legacy (order, product) pair", () =>
        {
            var i = Pick(LedgerFiller.IsLegacy);
            return ledger.FindUnclaimedLegacyAsync(i, LedgerFiller.ProductIdOf(i));
        }, lookups);
        await Measure("by licence key", () => ledger.FindByKeyAsync(LedgerFiller.KeyOf(Pick(_ => true))), lookups);
        await Measure("100 keys known? (recovery)", () => ledger.FindKnownKeysAsync([.. Enumerable.Range(0, 100).Select(_ => LedgerFiller.KeyOf(Pick(_ => true)))]), Math.Max(1, lookups / 10));
        await Measure("count by state (/metrics)", () => ledger.CountByStateAsync(), Math.Max(1, lookups / 100));
        await Measure("original module's query, no index", () =>
        {
            var i = Pick(LedgerFiller.IsLegacy);
            return OriginalLookupAsync(database, i, LedgerFiller.ProductIdOf(i));
        }, Math.Max(1, lookups / 100));
    }

    /// <summary>What the original module ran on every client-area view, with our index switched off.</summary>
    private static async Task OriginalLookupAsync(BenchmarkDatabase database, long orderId, long productId)
    {
        await using var connection = database.OpenConnection();
        await using DbCommand command = connection.CreateCommand();
        var noIndex = database.IsMySql ? $"IGNORE INDEX ({LedgerSchema.Indexes.OrderProduct})" : "NOT INDEXED";
        command.CommandText = $"SELECT license_key FROM {LedgerSchema.LicensesTable} {noIndex} WHERE order_id = @o AND product_id = @p AND revoked_at IS NULL LIMIT 1";
        var o = command.CreateParameter();
        o.ParameterName = "@o";
        o.Value = orderId;
        command.Parameters.Add(o);
        var p = command.CreateParameter();
        p.ParameterName = "@p";
        p.Value = productId;
        command.Parameters.Add(p);
        await command.ExecuteScalarAsync();
    }
}
