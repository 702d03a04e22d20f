using Spectre.Console;

namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>A non-interactive console whose output the test reads.</summary>
public sealed class RecordingConsole
{
    private readonly StringWriter writer = new();

    public RecordingConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        Console.Profile.Width = 250;
    }

    public IAnsiConsole Console { get; }

    public string Output => writer.ToString();
}
