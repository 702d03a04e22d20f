using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace JetpackWhmcs.Chaos.Database;

/// <summary>A SQLite file in the run's work directory, shared by every instance (the embedded default).</summary>
internal sealed class SqliteChaosDatabase(string path) : ChaosDatabase
{
    public override string ForService => path;

    public override string Description => "SQLite file";

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override async Task<DbConnection> OpenAsync()
    {
        // Pooling off: the run must not hold the file open between its reads while the services write.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
