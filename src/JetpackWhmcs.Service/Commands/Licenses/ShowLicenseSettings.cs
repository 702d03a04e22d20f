using System.ComponentModel;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>Options of <c>licenses show</c>.</summary>
public sealed class ShowLicenseSettings : ServiceSettings
{
    [CommandArgument(0, "<WHICH>")]
    [Description("A WHMCS service id (12 or service:12), an addon id (addon:7), or a licence key")]
    public string Which { get; init; } = "";

    [CommandOption("--json")]
    [Description("Print JSON for scripts")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Which) ? ValidationResult.Error("Say which licence: a service id, addon:<id>, or a licence key.") : ValidationResult.Success();
}
