using JetpackWhmcs.Service.Commands.Serve;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

/// <summary>Issue 11, finding 7: what <c>serve --sandbox</c> keeps in memory and which keys it hands out.</summary>
public sealed class InProcessSandboxTests
{
    [Fact]
    public void The_in_process_sandbox_records_no_requests_since_nobody_reads_them()
    {
        Assert.False(InProcessSandbox.Options(new ServeSettings { Sandbox = true }).RecordRequests);
    }

    [Fact]
    public void Each_run_gets_its_own_seed_unless_one_is_given()
    {
        var seeds = Enumerable.Range(0, 20).Select(_ => InProcessSandbox.Options(new ServeSettings { Sandbox = true }).Seed).ToHashSet();

        Assert.True(seeds.Count > 1, "every run drew the same seed");
        Assert.Equal(4242, InProcessSandbox.Options(new ServeSettings { Sandbox = true, SandboxSeed = 4242 }).Seed);
    }
}
