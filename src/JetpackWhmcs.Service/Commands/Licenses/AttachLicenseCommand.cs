using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary><c>jetpack-whmcs licenses attach</c>: runs AttachLicense for one service or addon with <c>--site</c> as its domain.</summary>
public sealed class AttachLicenseCommand(IAnsiConsole console) : AsyncCommand<AttachLicenseSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, AttachLicenseSettings settings, CancellationToken cancellationToken) =>
        LicenseChange.RunAsync(console, settings, "AttachLicense", "attach", "attached the licence", p => p["domain"] = settings.Site, cancellationToken);
}
