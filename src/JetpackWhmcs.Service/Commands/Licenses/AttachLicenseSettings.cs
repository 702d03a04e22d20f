using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>Options of <c>licenses attach</c>.</summary>
public sealed class AttachLicenseSettings : LicenseChangeSettings
{
    [CommandOption("--site <SITE>")]
    [Description("The site: an absolute URL, a blog id, or example.com::sub")]
    public string Site { get; init; } = "";

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Site) ? ValidationResult.Error("Say which site with --site (e.g. --site https://example.com/).") : base.Validate();
}
