namespace JetpackWhmcs.Sandbox.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public async Task The_same_seed_replays_the_same_keys_and_the_same_faults()
    {
        var first = await RunScenarioAsync(seed: 42);
        var replay = await RunScenarioAsync(seed: 42);
        var other = await RunScenarioAsync(seed: 43);

        Assert.Equal(first.Keys, replay.Keys);
        Assert.Equal(first.Statuses, replay.Statuses);
        Assert.NotEqual(first.Keys, other.Keys);
        Assert.NotEqual(first.Statuses, other.Statuses);
        Assert.Contains(first.Statuses, s => s >= 500);
        Assert.Contains(first.Statuses, s => s == 200);
    }

    [Fact]
    public async Task Reset_restarts_the_fault_sequence()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.Seed = 7);
        async Task<List<int>> Statuses()
        {
            sandbox.Server.Faults.Reset();
            sandbox.Server.Faults.FailureRate = 0.4;
            var statuses = new List<int>();
            for (var i = 0; i < 40; i++)
            {
                using var response = await sandbox.SendAsync(HttpMethod.Get, "licenses");
                statuses.Add((int)response.StatusCode);
            }

            return statuses;
        }

        Assert.Equal(await Statuses(), await Statuses());
    }

    private static async Task<(List<string> Keys, List<int> Statuses)> RunScenarioAsync(int seed)
    {
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.Seed = seed;
            o.Faults.SetFailureRate(SandboxEndpoint.ProductFamilies, 0.3);
            o.Faults.SetLostAnswerRate(SandboxEndpoint.ProductFamilies, 0.2);
        });

        var keys = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            keys.Add(await sandbox.IssueAsync(i % 2 == 0 ? "jetpack-scan" : "premium", i % 3 == 0 ? SandboxHarness.TokenB : SandboxHarness.TokenA));
        }

        var statuses = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            using var response = await sandbox.SendAsync(HttpMethod.Get, "product-families", token: null);
            statuses.Add((int)response.StatusCode);
        }

        return (keys, statuses);
    }
}
