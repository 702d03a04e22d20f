using System.Diagnostics;
using Xunit.Abstractions;

namespace JetpackWhmcs.Chaos.Tests;

/// <summary>
/// The chaos run, small, on every CI run: three real serve processes on one MariaDB database, the
/// sandbox process with every fault kind on, part of the calls through the PHP bridge, five SIGKILLs.
/// It passes only when the API, the ledger and the audit agree.
/// </summary>
public sealed class SmallChaosRunTests(ITestOutputHelper output)
{
    private static readonly string[] ChecksThatMustBeThere =
    [
        "licences issued = services created + package changes",
        "licences active on the API = active ledger rows (+ unassigned)",
        "orphans on the API",
        "orphans in the ledger",
        "services with two active licences",
        "services whose licence is not what WHMCS asked for",
        "unassigned licences",
        "pending claims left after the final recovery",
        "module calls that never answered success",
        "instances killed with SIGKILL and restarted",
        "audit vs API requests: issue",
        "audit vs API requests: revoke",
        "audit vs API requests: attach",
        "audit vs API requests: detach",
        "audit vs API requests: get",
        "audit vs API requests: list",
    ];

    [Fact]
    public async Task A_few_hundred_operations_with_kills_on_MariaDB_leave_the_api_the_ledger_and_the_audit_in_agreement()
    {
        Assert.False(
            string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JETPACK_WHMCS_TEST_MYSQL")),
            "JETPACK_WHMCS_TEST_MYSQL is not set: run scripts/test, or scripts/mariadb.sh start and source .test-run/mariadb.env.");

        var (exit, text) = await RunChaosAsync("--database", "mariadb", "--instances", "3", "--operations", "300", "--kills", "5", "--seed", "11", "--php-share", "0.25");
        output.WriteLine(text);

        var rows = text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && (l.EndsWith("| pass |", StringComparison.Ordinal) || l.EndsWith("| FAIL |", StringComparison.Ordinal))).ToList();
        foreach (var check in ChecksThatMustBeThere)
        {
            Assert.Contains(rows, r => r.StartsWith("| " + check, StringComparison.Ordinal));
        }

        Assert.Contains("| instances killed with SIGKILL and restarted | 5 | 5 (0 did not come back) | pass |", rows);
        Assert.DoesNotContain(rows, r => r.EndsWith("| FAIL |", StringComparison.Ordinal));
        Assert.True(exit == 0, $"the chaos run exited with {exit}:\n{text}");
    }

    [Fact]
    public async Task A_licence_issued_behind_whmcs_back_fails_the_run_as_an_orphan_and_an_unaudited_request()
    {
        // A failing run keeps its work directory for a look; this one fails on purpose, so the test owns it.
        var work = Path.Combine(Path.GetTempPath(), "jetpack-chaos-test-" + Guid.NewGuid().ToString("N")[..12]);
        string text;
        int exit;
        try
        {
            (exit, text) = await RunChaosAsync("--database", "sqlite", "--instances", "1", "--operations", "12", "--kills", "0", "--php-share", "0", "--fault-rate", "0", "--plant-orphan", "--work-dir", work);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        output.WriteLine(text);

        Assert.Equal(1, exit);
        Assert.Contains("| orphans on the API: active, no ledger row (billed, never delivered) | 0 | 1 | FAIL |", text, StringComparison.Ordinal);
        Assert.Matches(@"\| licences issued = services created \+ package changes \| (\d+) \(.*\) \| \d+ \| FAIL \|", text);
        Assert.Matches(@"\| audit vs API requests: issue \| audit finished \d+ <= API <= \d+ \(\+\d+ sent\) \| API \d+ .*\| FAIL \|", text);
        Assert.Contains("| orphans in the ledger: active row, not active on the API | 0 | 0 | pass |", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistaken_option_is_refused_with_exit_code_2_before_anything_starts()
    {
        var (exit, text) = await RunChaosAsync("--database", "oracle");

        Assert.Equal(2, exit);
        Assert.Contains("--database is sqlite or mariadb", text, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Text)> RunChaosAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jetpack-whmcs-chaos.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The chaos program's children die with it: each is started by it and killed on its way out.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the chaos run did not finish within 4 minutes:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
