using System.Net;
using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Tests.Support;
using MySqlConnector;

namespace JetpackWhmcs.Service.Tests.Health;

public sealed class HealthEndpointTests
{
    private static async Task<(HttpStatusCode Status, JsonNode Body)> HealthAsync(ServiceUnderTest service)
    {
        using var response = await service.Http.GetAsync(new Uri("healthz", UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Health_is_ok_with_a_working_database_and_api()
    {
        await using var service = await ServiceUnderTest.StartAsync();

        var (status, body) = await HealthAsync(service);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body["status"]!.ToString());
        Assert.True(body["checks"]!["database"]!["ok"]!.GetValue<bool>());
        Assert.True(body["checks"]!["api"]!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Health_reports_an_unreachable_api()
    {
        await using var service = await ServiceUnderTest.StartAsync(apiUrl: "http://127.0.0.1:1/wpcom/v2/jetpack-licensing/");

        var (status, body) = await HealthAsync(service);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("failing", body["status"]!.ToString());
        Assert.True(body["checks"]!["database"]!["ok"]!.GetValue<bool>());
        Assert.False(body["checks"]!["api"]!["ok"]!.GetValue<bool>());
        Assert.Contains("is not reachable", body["checks"]!["api"]!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_a_mariadb_database_that_was_dropped()
    {
        var server = Environment.GetEnvironmentVariable("JETPACK_WHMCS_TEST_MYSQL");
        Assert.False(string.IsNullOrEmpty(server), "JETPACK_WHMCS_TEST_MYSQL is not set: run scripts/test, or scripts/mariadb.sh start and source .test-run/mariadb.env.");
        var name = "jw_health_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new MySqlConnection(server))
        {
            await admin.OpenAsync();
            await new MySqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
        }

        var database = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await using var service = await ServiceUnderTest.StartAsync(database: database);
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(service)).Status);
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(8))).ResultText);

        await using (var admin = new MySqlConnection(server))
        {
            await admin.OpenAsync();
            await new MySqlCommand($"DROP DATABASE {name}", admin).ExecuteNonQueryAsync();
        }

        var (status, body) = await HealthAsync(service);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.False(body["checks"]!["database"]!["ok"]!.GetValue<bool>());
        Assert.Contains("does not answer", body["checks"]!["database"]!["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.True(body["checks"]!["api"]!["ok"]!.GetValue<bool>());
        Assert.DoesNotContain(new MySqlConnectionStringBuilder(server).Password is { Length: > 0 } pw ? pw : "\u0000", body.ToJsonString(), StringComparison.Ordinal);
    }
}
