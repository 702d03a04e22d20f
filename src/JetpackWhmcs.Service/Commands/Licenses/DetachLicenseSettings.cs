using System.ComponentModel;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>Options of <c>licenses detach</c>.</summary>
public sealed class DetachLicenseSettings : LicenseChangeSettings
{
    [CommandOption("--email")]
    [Description("Let Jetpack e-mail the site owner about the detachment (off by default)")]
    public bool Email { get; init; }
}
