using MySqlConnector;

namespace JetpackWhmcs.Benchmarks.DbCost;

/// <summary>
/// MariaDB's own view of what clients sent: deltas of <c>SHOW GLOBAL STATUS</c> counters, and the
/// general log (<c>log_output=TABLE</c>) for the statements themselves. It reads through its own
/// unpooled connection; the statements it sends are left out of every figure (its thread in the log,
/// a calibrated overhead in the counters). Meaningful only on a server nothing else uses meanwhile.
/// </summary>
internal sealed class ServerCounters : IAsyncDisposable
{
    /// <summary>The counters reported, in table order.</summary>
    public static readonly string[] Names =
    [
        "Questions", "Com_select", "Com_insert", "Com_update", "Com_delete", "Com_set_option", "Com_begin", "Com_commit", "Com_rollback", "Handler_commit", "Connections",
    ];

    private readonly MySqlConnection observer;
    private Dictionary<string, long> overhead = [];

    private ServerCounters(MySqlConnection observer) => this.observer = observer;

    /// <summary>The observer's own connection id: its statements are not the measured ones.</summary>
    public long ObserverThread { get; private set; }

    public static async Task<ServerCounters> OpenAsync(string serverConnectionString)
    {
        var builder = new MySqlConnectionStringBuilder(serverConnectionString) { Pooling = false, Database = "" };
        var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var counters = new ServerCounters(connection) { ObserverThread = connection.ServerThread };
        await counters.CalibrateAsync();
        return counters;
    }

    /// <summary>The counters now, as the server has them.</summary>
    public async Task<Dictionary<string, long>> SnapshotAsync()
    {
        await using var command = new MySqlCommand($"SHOW GLOBAL STATUS WHERE Variable_name IN ({string.Join(", ", Names.Select(n => $"'{n}'"))})", observer);
        await using var reader = await command.ExecuteReaderAsync();
        var values = Names.ToDictionary(n => n, _ => 0L, StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync())
        {
            values[reader.GetString(0)] = long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary><paramref name="after"/> minus <paramref name="before"/>, less what taking a snapshot costs.</summary>
    public Dictionary<string, long> Delta(Dictionary<string, long> before, Dictionary<string, long> after) =>
        Names.ToDictionary(n => n, n => after[n] - before[n] - overhead.GetValueOrDefault(n), StringComparer.OrdinalIgnoreCase);

    /// <summary>Turns the general log on or off (global: the server must be private to the run).</summary>
    public async Task SetGeneralLogAsync(bool on)
    {
        await ExecuteAsync(on ? "SET GLOBAL log_output = 'TABLE'" : "SET GLOBAL general_log = 0");
        if (on)
        {
            await ExecuteAsync("SET GLOBAL general_log = 1");
        }
    }

    public Task ClearGeneralLogAsync() => ExecuteAsync("TRUNCATE TABLE mysql.general_log");

    /// <summary>What other connections sent since the log was cleared, oldest first: (thread, command type, argument).</summary>
    public async Task<List<(long Thread, string Command, string Argument)>> ReadGeneralLogAsync()
    {
        await using var command = new MySqlCommand(
            "SELECT thread_id, command_type, CONVERT(argument USING utf8mb4) FROM mysql.general_log WHERE thread_id <> @observer ORDER BY event_time", observer);
        command.Parameters.AddWithValue("@observer", ObserverThread);
        var rows = new List<(long, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await SetGeneralLogAsync(false);
        await observer.DisposeAsync();
    }

    /// <summary>Two snapshots with nothing between them: what one snapshot adds to the counters.</summary>
    private async Task CalibrateAsync()
    {
        var first = await SnapshotAsync();
        var second = await SnapshotAsync();
        overhead = Names.ToDictionary(n => n, n => second[n] - first[n], StringComparer.OrdinalIgnoreCase);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new MySqlCommand(sql, observer);
        await command.ExecuteNonQueryAsync();
    }
}
