using System.Diagnostics;
using JetpackWhmcs.Benchmarks.Reporting;
using JetpackWhmcs.Ledger;
using MySqlConnector;

namespace JetpackWhmcs.Benchmarks.ClientArea;

/// <summary>
/// The one lookup a client-area view makes, timed three ways on the same row: through the ledger
/// (a pooled connection is reset on reuse, then the session time zone is set, then the SELECT: three
/// round trips), the same three steps by hand without Dapper, and what it would cost if the ledger kept
/// its session between uses (no reset, the time zone set once per physical connection: one round trip).
/// </summary>
internal static class DatabaseLayers
{
    private const string Lookup = "SELECT * FROM jetpack_product_licenses WHERE active_owner = @Slot";

    public static async Task<Timings> LedgerAsync(ILicenseLedger ledger, string slot, int calls) =>
        await TimeAsync(calls, async () => await ledger.FindBySlotAsync(slot) is not null);

    public static Task<Timings> AsTheLedgerDoesAsync(string database, string slot, int calls) =>
        TimeAsync(calls, async () =>
        {
            await using var connection = new MySqlConnection(database);
            await connection.OpenAsync();
            await ExecuteAsync(connection, "SET time_zone = '+00:00'");
            return await LookupAsync(connection, slot);
        });

    public static Task<Timings> KeptSessionAsync(string database, string slot, int calls)
    {
        // A pool of its own (the option changes the connection string) whose sessions are never reset.
        var kept = new MySqlConnectionStringBuilder(database) { ConnectionReset = false, ApplicationName = "kept-session" }.ConnectionString;
        var prepared = new HashSet<int>();
        return TimeAsync(calls, async () =>
        {
            await using var connection = new MySqlConnection(kept);
            await connection.OpenAsync();
            if (prepared.Add(connection.ServerThread))
            {
                await ExecuteAsync(connection, "SET time_zone = '+00:00'");
            }

            return await LookupAsync(connection, slot);
        });
    }

    private static async Task<bool> LookupAsync(MySqlConnection connection, string slot)
    {
        await using var command = new MySqlCommand(Lookup, connection);
        command.Parameters.AddWithValue("@Slot", slot);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync();
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Timings> TimeAsync(int calls, Func<Task<bool>> lookup)
    {
        var timings = new Timings();
        for (var i = -20; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            if (!await lookup())
            {
                throw new InvalidOperationException("The licence row was not found.");
            }

            if (i >= 0)
            {
                timings.Add(Stopwatch.GetElapsedTime(started));
            }
        }

        return timings;
    }
}
