using JetpackWhmcs.Sandbox;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Sandbox;

/// <summary><c>jetpack-whmcs sandbox</c>: the Jetpack Licensing API simulator on its own, until Ctrl+C.</summary>
public sealed class SandboxCommand(IAnsiConsole console) : AsyncCommand<SandboxSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, SandboxSettings settings, CancellationToken cancellationToken)
    {
        var options = new SandboxOptions { Tokens = [.. settings.Tokens], Seed = settings.Seed, ControlEnabled = settings.Control };
        // The rates first: they turn the older failure and lost-answer knobs off, which the flags below may set again.
        SandboxFaultFlags.Apply(options.Faults, settings.Faults, settings.LateAnswerDelay);
        options.Faults.Latency = TimeSpan.FromMilliseconds(settings.Latency);
        options.Faults.LatencyJitter = TimeSpan.FromMilliseconds(settings.Jitter);
        options.Faults.FailureRate = settings.FailureRate;
        options.Faults.RateLimitPerSecond = settings.RateLimit;
        options.Faults.LostAnswerRate = settings.LostAnswerRate;
        options.Faults.LostAnswerMode = settings.DropConnection ? LostAnswerMode.DropConnection : LostAnswerMode.Http500;

        await using var server = await SandboxServer.StartAsync(options, settings.Urls, cancellationToken);
        // Tokens are counted, never printed: this line ends up in logs.
        console.MarkupLineInterpolated($"Jetpack Licensing API sandbox on [bold]{server.BaseUrl}[/] ({settings.Tokens.Length} token(s), seed {settings.Seed}, {SandboxFaultFlags.Describe(options.Faults)}). Ctrl+C stops it.");
        if (settings.Control)
        {
            console.MarkupLineInterpolated($"Control API on {new Uri(server.BaseUrl, "/_sandbox/")} (counters, faults, licenses).");
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Stopping the sandbox.");
        }

        return 0;
    }
}
