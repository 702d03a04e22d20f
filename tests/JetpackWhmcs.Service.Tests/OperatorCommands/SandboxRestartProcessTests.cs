using System.Net;
using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

/// <summary>
/// Issue 11, finding 7: <c>serve --sandbox</c> restarted on the data directory it used before. The
/// in-process sandbox starts empty each time while the ledger keeps its keys, so a sandbox that replays
/// the same keys left every Create of the second run pending on a duplicate key.
/// </summary>
public sealed class SandboxRestartProcessTests
{
    private const string SandboxToken = "sandbox-token";

    private static JsonObject Params(long serviceId)
    {
        var parameters = ServiceUnderTest.ServiceParams(serviceId, "jetpack-scan");
        parameters["configoption1"] = SandboxToken;
        return parameters;
    }

    private static async Task CreateAsync(ServeProcess serve, long serviceId)
    {
        var created = await serve.Whmcs.CallAsync("CreateAccount", Params(serviceId));
        Assert.True(created.Status == HttpStatusCode.OK && created.ResultText == "success", $"Create of service {serviceId}: {created.Body}\n{serve.Output}");
    }

    [Fact]
    public async Task A_second_serve_sandbox_run_on_the_same_data_directory_issues_new_keys_and_leaves_nothing_pending()
    {
        using var directory = new TempDirectory();

        await using (var first = await ServeProcess.StartAsync(directory.Path, "--sandbox"))
        {
            await CreateAsync(first, 1);
            Assert.Equal(0, await first.StopAsync());
        }

        await using (var second = await ServeProcess.StartAsync(directory.Path, "--sandbox"))
        {
            await CreateAsync(second, 2);
            await CreateAsync(second, 3);
            Assert.DoesNotContain(SandboxToken, second.Output, StringComparison.Ordinal);
            Assert.Equal(0, await second.StopAsync());
        }

        var list = await CliProcess.RunAsync(directory.Path, "licenses", "list", "--json", "--data-dir", directory.Path);
        Assert.True(list.Exit == 0, list.All);
        var rows = JsonNode.Parse(list.Stdout)!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal([1L, 2L, 3L], rows.Select(r => (long)r["service_id"]!).Order());
        Assert.All(rows, r => Assert.Equal("active", (string?)r["state"]));
        Assert.Equal(3, rows.Select(r => (string?)r["license_key"]).Distinct().Count());
    }

    [Fact]
    public async Task A_given_sandbox_seed_is_used_and_printed_so_a_run_can_be_replayed()
    {
        using var directory = new TempDirectory();

        await using var serve = await ServeProcess.StartAsync(directory.Path, "--sandbox", "--sandbox-seed", "4242");

        Assert.Contains("seed 4242", serve.Output, StringComparison.Ordinal);
        Assert.Equal(0, await serve.StopAsync());
    }
}
