using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Cli;

/// <summary>
/// Runs the command table with the one exception handler: a sentence on stderr and exit code 1, so
/// that <c>$(jetpack-whmcs ... --json)</c> captures data or nothing, never an error taken for data.
/// </summary>
public static class CommandLine
{
    /// <summary>Runs <paramref name="args"/> against the commands of <paramref name="table"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="table">Registers the commands (Program.cs).</param>
    /// <param name="console">Where output goes; the terminal (failures on stderr) when null; tests pass a recording console, which gets both.</param>
    /// <param name="cancellationToken">Cancels the command (Program.cs passes <see cref="StopSignals"/>).</param>
    public static Task<int> RunAsync(string[] args, Action<IConfigurator> table, IAnsiConsole? console = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        // The terminal's failures go to stderr; a console given by a test records both.
        var errors = console ?? ErrorConsole();
        console ??= TerminalConsole();
        var services = new ServiceCollection();
        services.AddSingleton(console);
        services.AddSingleton(TimeProvider.System);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("jetpack-whmcs");
            config.Settings.Console = console;
            config.SetExceptionHandler((exception, _) =>
            {
                errors.MarkupLineInterpolated($"[red]{ErrorSentence.For(exception)}[/]");
                return 1;
            });
            table(config);
        });
        return app.RunAsync(args, cancellationToken);
    }

    /// <summary>
    /// The terminal; when output goes to a pipe or a file, wide enough that sentences and table rows stay
    /// on one line (Spectre would wrap them at 80 columns), since scripts and logs read them line by line.
    /// </summary>
    private static IAnsiConsole TerminalConsole()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>Standard error, as wide as <see cref="TerminalConsole"/> when redirected.</summary>
    private static IAnsiConsole ErrorConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    private const int RedirectedWidth = 400;
}
