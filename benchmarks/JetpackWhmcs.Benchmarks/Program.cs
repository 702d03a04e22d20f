using System.Globalization;
using JetpackWhmcs.Benchmarks.ClientArea;
using JetpackWhmcs.Benchmarks.DailyCheck;
using JetpackWhmcs.Benchmarks.DbCost;
using JetpackWhmcs.Benchmarks.Engine;
using JetpackWhmcs.Benchmarks.Ledger;
using JetpackWhmcs.Benchmarks.Pages;
using JetpackWhmcs.Benchmarks.Wan;

// Usage: dotnet run -c Release --project benchmarks/JetpackWhmcs.Benchmarks -- [ledger|engine|all] [--rows N] [--lookups N]
//        [--services N] [--concurrency N] [--latency-ms N]
//    or: ... -- wan [--calls N] [--one-way-ms N] [--idle-calls N [--idle-gap-s S]]   CreateAccount over a delayed link,
//           warm vs new connection, and optionally N calls each after S seconds idle (default 35 s)
//    or: ... -- db-cost [--samples N] [--statements]   database round trips and commits per module function (MariaDB)
//    or: ... -- pages [--rows N] [--calls N]   the admin licence list through the signed /admin/page, at 0 and N rows (SQLite, MariaDB when set)
//    or: ... -- clientarea [--calls N] [--rounds N] [--baseline-binary DLL] [--baseline-env KEY=VALUE]...   ClientArea through the PHP bridge and each layer below it (MariaDB, php-cli)
//    or: ... -- daily-check [--licences N]   the daily drift check of N licences against the sandbox over HTTP: wall time, peak memory
// "all" runs ledger and engine only; the others run when named.
// MariaDB figures need JETPACK_WHMCS_TEST_MYSQL (scripts/mariadb.sh start writes it to .test-run/mariadb.env).
var what = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
long Option(string name, long fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? long.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

var mySql = Environment.GetEnvironmentVariable("JETPACK_WHMCS_TEST_MYSQL");
if (what is "ledger" or "all")
{
    await LedgerLookupBenchmark.RunAsync(Option("--rows", 1_000_000), (int)Option("--lookups", 2000), mySql);
}

if (what is "engine" or "all")
{
    await CreateAccountBenchmark.RunAsync((int)Option("--services", 2000), (int)Option("--concurrency", 16), TimeSpan.FromMilliseconds(Option("--latency-ms", 20)), mySql);
}

if (what is "wan")
{
    await WanBenchmark.RunAsync((int)Option("--calls", 200), TimeSpan.FromMilliseconds(Option("--one-way-ms", 20)), mySql, TimeSpan.FromSeconds(Option("--idle-gap-s", 35)), (int)Option("--idle-calls", 0));
}

if (what is "db-cost")
{
    await DbCostBenchmark.RunAsync(mySql, (int)Option("--samples", 3), args.Contains("--statements"));
}

if (what is "clientarea")
{
    var baselineEnv = args.Select((a, i) => (a, i)).Where(x => x.a == "--baseline-env" && x.i + 1 < args.Length).Select(x => args[x.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
    var baselineAt = Array.IndexOf(args, "--baseline-binary");
    await ClientAreaBenchmark.RunAsync(mySql, (int)Option("--calls", 2000), (int)Option("--rounds", 4), baselineAt >= 0 ? Path.GetFullPath(args[baselineAt + 1]) : null, baselineEnv.Count > 0 ? baselineEnv : null);
}

if (what is "pages")
{
    await PagesBenchmark.RunAsync(Option("--rows", 1_000_000), (int)Option("--calls", 200), args.Contains("--sqlite-only") ? null : mySql);
}

if (what is "daily-check")
{
    await DailyCheckBenchmark.RunAsync((int)Option("--licences", 100_000), mySql);
}
