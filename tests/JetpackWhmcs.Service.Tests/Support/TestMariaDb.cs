using MySqlConnector;

namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>A fresh database on the test MariaDB (scripts/mariadb.sh), dropped afterwards.</summary>
public sealed class TestMariaDb : IAsyncDisposable
{
    private readonly string server;

    private TestMariaDb(string server, string name)
    {
        this.server = server;
        Name = name;
        ConnectionString = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestMariaDb> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("JETPACK_WHMCS_TEST_MYSQL");
        Assert.False(string.IsNullOrEmpty(server), "JETPACK_WHMCS_TEST_MYSQL is not set: run scripts/test, or scripts/mariadb.sh start and source .test-run/mariadb.env.");
        var database = new TestMariaDb(server, "jw_svc_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await new MySqlCommand(sql, connection).ExecuteNonQueryAsync();
    }

    public Task DropAsync() => ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name}");

    public async ValueTask DisposeAsync() => await DropAsync();

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await new MySqlCommand(sql, connection).ExecuteNonQueryAsync();
    }
}
