using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Demo;

/// <summary><c>jetpack-whmcs demo</c>: the whole job on embedded defaults; exits 1 when the cross-check fails.</summary>
public sealed class DemoCommand(IAnsiConsole console, TimeProvider timeProvider) : AsyncCommand<DemoSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var summary = await new DemoScenario(console, timeProvider).RunAsync(settings, cancellationToken);
        return summary.Holds ? 0 : 1;
    }
}
