using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.Demo;

public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_runs_to_a_summary_whose_cross_check_holds_and_runs_again()
    {
        using var directory = new TempDirectory();
        for (var run = 1; run <= 2; run++)
        {
            var console = new RecordingConsole();

            var exit = await JetpackWhmcs.Service.Cli.CommandLine.RunAsync(["demo", "--data-dir", directory.Path], Program.Commands, console.Console);

            Assert.True(exit == 0, console.Output);
            Assert.Contains("Cross-check holds: zero orphans.", console.Output, StringComparison.Ordinal);
            Assert.Matches(@"licences issued\s+║ 4\s+║ 4\s+║ yes", console.Output);
            Assert.Matches(@"orphans \(on the API, not in the ledger\)\s+║ -\s+║ 0\s+║ yes", console.Output);
            Assert.DoesNotContain("NO", console.Output, StringComparison.Ordinal);
        }
    }
}
