using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Service.Commands.Reconcile;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

/// <summary>
/// Issue 11, finding 7: a timer runs <c>reconcile</c> and alerts on its exit code, so differences must
/// not exit 0, and must not look like a failure to compare either.
/// </summary>
public sealed class ReconcileExitCodeProcessTests
{
    private const string Token = "reconcile-exit-token";

    [Fact]
    public async Task Reconcile_exits_0_in_sync_2_on_differences_and_1_when_it_cannot_compare()
    {
        // Licences issued minutes ago: reconcile never revokes one young enough to be a call's lost answer.
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Tokens = [Token], TimeProvider = new ShiftedClock(TimeSpan.FromMinutes(-5)) });
        using var directory = new TempDirectory();
        string[] local = ["--token", Token, "--data-dir", directory.Path, "--attempt-timeout", "3", "--overall-timeout", "6"];
        string[] shared = [.. local, "--api-url", sandbox.BaseUrl.ToString()];
        Assert.Equal(0, (await CliProcess.RunAsync(directory.Path, ["migrate", .. shared])).Exit);

        var agreeing = await CliProcess.RunAsync(directory.Path, ["reconcile", .. shared]);
        Assert.True(agreeing.Exit == ReconcileExitCodes.InSync, agreeing.All);
        Assert.Contains("The ledger and the API agree.", agreeing.Stdout, StringComparison.Ordinal);

        var stray = sandbox.Store.IssueDirect(Token, "jetpack-scan");
        var differing = await CliProcess.RunAsync(directory.Path, ["reconcile", .. shared]);
        Assert.True(differing.Exit == ReconcileExitCodes.Differences, differing.All);
        Assert.Contains(stray.LicenseKey, differing.Stdout, StringComparison.Ordinal);
        Assert.Equal("", differing.Stderr);

        // Unconfirmed, the stray stays and so does the difference.
        var unconfirmed = await CliProcess.RunAsync(directory.Path, ["reconcile", "--fix", .. shared]);
        Assert.True(unconfirmed.Exit == ReconcileExitCodes.Differences, unconfirmed.All);

        var repaired = await CliProcess.RunAsync(directory.Path, ["reconcile", "--fix", "--yes", .. shared]);
        Assert.True(repaired.Exit == ReconcileExitCodes.InSync, repaired.All);
        Assert.True(sandbox.Store.Find(Token, stray.LicenseKey)!.IsRevoked);

        var unreachable = await CliProcess.RunAsync(directory.Path, ["reconcile", .. local, "--api-url", "http://127.0.0.1:1/"]);
        Assert.True(unreachable.Exit == ReconcileExitCodes.Failed, unreachable.All);
        Assert.Equal("", unreachable.Stdout.Trim());
        Assert.NotEqual("", unreachable.Stderr.Trim());
    }

    [Fact]
    public async Task Reconcile_help_names_its_exit_codes()
    {
        using var directory = new TempDirectory();

        var help = await CliProcess.RunAsync(directory.Path, "reconcile", "--help");

        Assert.Equal(0, help.Exit);
        Assert.Contains(ReconcileExitCodes.Help.TrimEnd('.'), help.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
