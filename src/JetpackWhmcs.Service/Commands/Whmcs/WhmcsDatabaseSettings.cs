using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>Options of <c>jetpack-whmcs whmcs database</c>: the WHMCS installation whose configuration.php to read.</summary>
public sealed class WhmcsDatabaseSettings : CommandSettings
{
    [CommandOption("--whmcs-root <DIR>")]
    [Description("The WHMCS folder: the one holding configuration.php and modules/servers/")]
    public string? WhmcsRoot { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(WhmcsRoot)
            ? ValidationResult.Error("--whmcs-root is required: pass the WHMCS folder, the one holding configuration.php.")
            : ValidationResult.Success();
}
