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
        await using var mariadb = await TestMariaDb.CreateAsync();
        await using var service = await ServiceUnderTest.StartAsync(database: mariadb.ConnectionString);
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(service)).Status);
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(8))).ResultText);

        await mariadb.DropAsync();
        var (status, body) = await HealthAsync(service);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.False(body["checks"]!["database"]!["ok"]!.GetValue<bool>());
        Assert.Contains("does not answer", body["checks"]!["database"]!["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.True(body["checks"]!["api"]!["ok"]!.GetValue<bool>());
        var password = new MySqlConnectionStringBuilder(mariadb.ConnectionString).Password;
        if (!string.IsNullOrEmpty(password))
        {
            Assert.DoesNotContain(password, body.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_reports_an_unreachable_database_server()
    {
        var unreachable = "Server=127.0.0.1;Port=1;Database=whmcs;User ID=nobody;Password=secret-pw;Connection Timeout=2";
        await using var service = await ServiceUnderTest.StartAsync();
        var probe = new JetpackWhmcs.Service.Health.HealthProbe(
            JetpackWhmcs.Ledger.LedgerFactory.Create(unreachable),
            JetpackWhmcs.Ledger.LedgerFactory.CreateNonceStore(unreachable),
            (JetpackWhmcs.Licensing.IJetpackLicensingClient)service.App.Services.GetService(typeof(JetpackWhmcs.Licensing.IJetpackLicensingClient))!,
            new JetpackWhmcs.Service.Configuration.JetpackWhmcsOptions { Database = unreachable });

        var check = await probe.CheckDatabaseAsync();

        Assert.False(check.Ok);
        Assert.Contains("does not answer", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", check.Detail, StringComparison.Ordinal);
    }
}
