using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

/// <summary>
/// Issue 8, "Also": a script runs <c>rows=$(jetpack-whmcs licenses list --json)</c>; whatever fails
/// (the command line, the configuration, the database), the sentence goes to stderr and stdout stays
/// empty, so the error is never taken for data.
/// </summary>
public sealed class CliFailureStreamsProcessTests
{
    [Theory]
    [InlineData("a value the command refuses", "licenses", "list", "--json", "--state", "nonsense")]
    [InlineData("a missing argument", "licenses", "show", "--json")]
    [InlineData("an unknown command", "licences", "list", "--json")]
    [InlineData("an invalid configuration", "licenses", "list", "--json", "--api-url", "not-a-url")]
    [InlineData("a ledger never migrated", "licenses", "show", "7", "--json")]
    public async Task A_failure_prints_one_sentence_on_stderr_and_nothing_on_stdout(string failure, params string[] args)
    {
        using var directory = new TempDirectory();

        var run = await CliProcess.RunAsync(directory.Path, [.. args, "--data-dir", directory.Path]);

        Assert.True(run.Exit == 1, $"{failure}: {run.All}");
        Assert.True(run.Stdout.Length == 0, $"{failure}: stdout held {run.Stdout}");
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
