using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

/// <summary>Runs CLI commands in-process against a SQLite ledger in a temp directory and a real sandbox.</summary>
public sealed class CliHarness : IAsyncDisposable
{
    public const string Token = "cli-partner-token";

    private readonly TempDirectory directory = new();

    private CliHarness(SandboxServer sandbox) => Sandbox = sandbox;

    public SandboxServer Sandbox { get; }

    public string DataDir => directory.Path;

    /// <param name="sandboxClockShift">Moves the sandbox's clock (its licences' issue times), so a test can have licences issued "long ago".</param>
    public static async Task<CliHarness> StartAsync(TimeSpan sandboxClockShift = default) =>
        new(await SandboxServer.StartAsync(new SandboxOptions { Tokens = [Token], TimeProvider = new ShiftedClock(sandboxClockShift) }));

    /// <summary>Runs a command with the shared options pointing at this harness.</summary>
    public async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new RecordingConsole();
        string[] shared = ["--data-dir", DataDir, "--api-url", Sandbox.BaseUrl.ToString(), "--attempt-timeout", "3", "--overall-timeout", "6"];
        var exit = await JetpackWhmcs.Service.Cli.CommandLine.RunAsync([.. args, .. shared], Program.Commands, console.Console);
        return (exit, console.Output);
    }

    /// <summary>Runs a command with only the data directory set (tests of option handling).</summary>
    public async Task<(int Exit, string Output)> RunRawAsync(params string[] args)
    {
        var console = new RecordingConsole();
        var exit = await JetpackWhmcs.Service.Cli.CommandLine.RunAsync([.. args, "--data-dir", DataDir], Program.Commands, console.Console);
        return (exit, console.Output);
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        directory.Dispose();
    }
}
