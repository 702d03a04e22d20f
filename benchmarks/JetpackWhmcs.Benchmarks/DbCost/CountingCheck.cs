using JetpackWhmcs.Benchmarks.Ledger;
using JetpackWhmcs.Benchmarks.Reporting;
using JetpackWhmcs.Benchmarks.Wan;
using JetpackWhmcs.Ledger;
using MySqlConnector;

namespace JetpackWhmcs.Benchmarks.DbCost;

/// <summary>
/// Checks the counting method on statements whose cost is known before trusting it with module
/// calls: a plain SELECT, an autocommit INSERT, an explicit transaction, and the ledger's own ping on
/// a pooled connection (which shows what reusing a pooled connection costs).
/// </summary>
internal static class CountingCheck
{
    public static async Task RunAsync(ServerCounters counters, DelayProxy wire, string mySqlServer)
    {
        await using var database = await BenchmarkDatabase.MariaDbAsync(mySqlServer);
        var ledger = LedgerFactory.Create(DbCostBenchmark.Through(wire, database.ConnectionString));
        await ledger.MigrateAsync();
        await ledger.PingAsync();
        var raw = new MySqlConnectionStringBuilder(DbCostBenchmark.Through(wire, database.ConnectionString)) { Pooling = false }.ConnectionString;
        await using (var setup = new MySqlConnection(raw))
        {
            await setup.OpenAsync();
            await new MySqlCommand("CREATE TABLE probe (id INT PRIMARY KEY) ENGINE=InnoDB", setup).ExecuteNonQueryAsync();
        }

        var checks = new (string Name, string Expected, Func<Task> Run)[]
        {
            ("new unpooled connection, SELECT 1", "handshake, SET NAMES, SELECT, Quit: 4 round trips; Questions 3 (all but the handshake), Com_select 1", () => RawAsync(raw, "SELECT 1")),
            ("new unpooled connection, autocommit INSERT", "4 round trips; Questions 3, Com_insert 1, Handler_commit 1", () => RawAsync(raw, "INSERT INTO probe VALUES (1)")),
            ("new unpooled connection, BEGIN; INSERT; COMMIT", "6 round trips; Questions 5; Com_begin, Com_insert, Com_commit 1 each", () => RawAsync(raw, "BEGIN", "INSERT INTO probe VALUES (2)", "COMMIT")),
            ("ledger ping on a reused pooled connection", "no connection; reset pipelined with SET NAMES, SET time_zone, SELECT: 3 round trips, Questions 4", () => ledger.PingAsync()),
        };

        // The setup connection's Quit is sent without waiting: let it arrive before the first count.
        await Task.Delay(100);
        var table = new ResultTable("known operation", "expected", "round trips on the wire", "connections on the wire", "Questions", "Com_select", "Com_insert", "Com_begin", "Com_commit", "Handler_commit", "Connections", "general log");
        foreach (var (name, expected, run) in checks)
        {
            var before = await counters.SnapshotAsync();
            wire.ResetCounters();
            await run();
            // A closed connection's Quit is sent without waiting for an answer: let it reach the proxy.
            await Task.Delay(100);
            var (roundTrips, connections) = (wire.Flights, wire.Connections);
            var delta = counters.Delta(before, await counters.SnapshotAsync());
            await RawAsync(raw, "DELETE FROM probe");
            await Task.Delay(100);
            await counters.SetGeneralLogAsync(true);
            await counters.ClearGeneralLogAsync();
            await run();
            await Task.Delay(100);
            var log = await counters.ReadGeneralLogAsync();
            await counters.SetGeneralLogAsync(false);
            table.Add(name, expected, roundTrips, connections, delta["Questions"], delta["Com_select"], delta["Com_insert"], delta["Com_begin"], delta["Com_commit"], delta["Handler_commit"], delta["Connections"],
                string.Join("; ", log.Select(r => r.Command + (r.Command == "Query" ? " " + r.Argument.Split(' ')[0] : ""))));
            await RawAsync(raw, "DELETE FROM probe");
            await Task.Delay(100);
        }

        Console.WriteLine("The counting method on known operations:");
        Console.WriteLine();
        Console.WriteLine(table);
    }

    private static async Task RawAsync(string connectionString, params string[] statements)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new MySqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
