using JetpackWhmcs.Service.Cli;
using Spectre.Console;

namespace JetpackWhmcs.Service.Tests.Whmcs;

/// <summary>A scratch WHMCS-like tree and data directory, and a way to run the CLI against them.</summary>
public sealed class WhmcsScratch : IDisposable
{
    public WhmcsScratch()
    {
        Directory.CreateDirectory(Base);
    }

    public string Base { get; } = Path.Combine(Path.GetTempPath(), "jetpack-whmcs-installer-tests", Guid.NewGuid().ToString("N"));

    public string Root => Path.Combine(Base, "whmcs");

    public string DataDir => Path.Combine(Base, "data");

    public string ModuleFolder => Path.Combine(Root, "modules", "servers", "jetpack");

    public string AddonModuleFolder => Path.Combine(Root, "modules", "addons", "jetpack");

    /// <summary>Creates configuration.php and modules/servers/ as WHMCS's installer leaves them.</summary>
    public void MakeWhmcsTree(string configuration = "<?php\n$db_host = 'localhost';\n$db_username = 'whmcs';\n$db_password = 'x';\n$db_name = 'whmcs';\n")
    {
        Directory.CreateDirectory(Path.Combine(Root, "modules", "servers"));
        File.WriteAllText(Path.Combine(Root, "configuration.php"), configuration);
    }

    /// <summary>Runs the real command table with a wide recording console.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        var exit = await CommandLine.RunAsync(args, Program.Commands, console);
        return (exit, writer.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Base, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
