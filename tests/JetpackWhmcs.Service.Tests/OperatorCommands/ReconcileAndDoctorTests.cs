using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Commands.Reconcile;
using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

public sealed class ReconcileAndDoctorTests
{
    [Fact]
    public async Task Reconcile_finds_a_licence_issued_behind_the_ledgers_back_and_fix_with_yes_revokes_it()
    {
        // Licences issued minutes ago: reconcile never revokes one young enough to be a call's lost answer.
        await using var cli = await CliHarness.StartAsync(sandboxClockShift: TimeSpan.FromMinutes(-5));
        const string token = CliHarness.Token;
        await cli.RunAsync("migrate");
        Assert.Equal(0, (await cli.RunAsync("licenses", "issue", "1", "--product", "jetpack-scan", "--token", token)).Exit);
        var stray = cli.Sandbox.Store.IssueDirect(token, "jetpack-complete");

        var report = await cli.RunAsync("reconcile", "--token", token);
        Assert.True(report.Exit == ReconcileExitCodes.Differences, report.Output);
        Assert.Matches(@"active on the API, unknown to WHMCS\s+│ 1\s+│ " + stray.LicenseKey, report.Output);
        Assert.Contains("run again with --fix", report.Output, StringComparison.Ordinal);
        Assert.False(cli.Sandbox.Store.Find(token, stray.LicenseKey)!.IsRevoked);

        var unconfirmed = await cli.RunAsync("reconcile", "--fix", "--token", token);
        Assert.Contains("confirm with --yes", unconfirmed.Output, StringComparison.Ordinal);
        Assert.False(cli.Sandbox.Store.Find(token, stray.LicenseKey)!.IsRevoked);

        var fixedRun = await cli.RunAsync("reconcile", "--fix", "--yes", "--token", token);
        Assert.True(fixedRun.Exit == 0, fixedRun.Output);
        Assert.Matches(@"fixed: revoked on the API\s+│ 1", fixedRun.Output);
        Assert.Contains("After the repairs the ledger and the API agree for this token.", fixedRun.Output, StringComparison.Ordinal);
        Assert.Contains("The ledger and the API agree.", fixedRun.Output, StringComparison.Ordinal);
        Assert.True(cli.Sandbox.Store.Find(token, stray.LicenseKey)!.IsRevoked);
        Assert.Single(cli.Sandbox.Store.LicensesOf(token), l => !l.IsRevoked);

        var clean = await cli.RunAsync("reconcile", "--token", token);
        Assert.Contains("The ledger and the API agree.", clean.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_with_fix_marks_a_licence_revoked_outside_whmcs_as_revoked()
    {
        await using var cli = await CliHarness.StartAsync();
        await cli.RunAsync("migrate");
        await cli.RunAsync("licenses", "issue", "4", "--product", "jetpack-scan", "--token", CliHarness.Token);
        var key = Assert.Single(cli.Sandbox.Store.LicensesOf(CliHarness.Token)).LicenseKey;
        cli.Sandbox.Store.RevokeDirect(CliHarness.Token, key);

        var found = await cli.RunAsync("reconcile", "--token", CliHarness.Token);
        Assert.Matches(@"revoked outside WHMCS\s+│ 1", found.Output);

        var fixedRun = await cli.RunAsync("reconcile", "--fix", "--token", CliHarness.Token);
        Assert.Matches(@"fixed: marked revoked\s+│ 1", fixedRun.Output);
        Assert.Contains("After the repairs the ledger and the API agree for this token.", fixedRun.Output, StringComparison.Ordinal);
        var show = await cli.RunAsync("licenses", "list", "--state", "revoked", "--json");
        Assert.Contains(key, show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_without_any_token_fails_with_a_sentence()
    {
        await using var cli = await CliHarness.StartAsync();
        await cli.RunAsync("migrate");

        var result = await cli.RunAsync("reconcile");

        Assert.Equal(1, result.Exit);
        Assert.Contains("No partner token is known", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_passes_when_everything_is_right_and_names_what_to_fix_otherwise()
    {
        await using var cli = await CliHarness.StartAsync();
        await cli.RunAsync("migrate");

        var noSecret = await cli.RunAsync("doctor", "--token", CliHarness.Token, "--token", "revoked-token");
        Assert.Equal(1, noSecret.Exit);
        Assert.Matches(@"bridge secret\s+│ FAIL\s+│ .*does not exist", noSecret.Output);
        Assert.Matches(@"token [0-9a-f]{16}\s+│ FAIL\s+│ refused by the API \(403", noSecret.Output);
        Assert.Contains("2 check(s) failed", noSecret.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-token", noSecret.Output, StringComparison.Ordinal);

        BridgeSecret.LoadOrCreate(new JetpackWhmcsOptions { DataDir = cli.DataDir });
        var healthy = await cli.RunAsync("doctor", "--token", CliHarness.Token);
        Assert.True(healthy.Exit == 0, healthy.Output);
        Assert.Matches(@"clock\s+│ ok", healthy.Output);
        Assert.Contains("Everything checks out.", healthy.Output, StringComparison.Ordinal);

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(cli.DataDir, "bridge-secret"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            var leaky = await cli.RunAsync("doctor", "--token", CliHarness.Token);
            Assert.Equal(1, leaky.Exit);
            Assert.Contains("chmod 600", leaky.Output, StringComparison.Ordinal);
        }
    }
}
