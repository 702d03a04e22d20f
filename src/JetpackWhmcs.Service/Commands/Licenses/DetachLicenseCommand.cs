using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary><c>jetpack-whmcs licenses detach</c>: runs DetachLicense for one service or addon.</summary>
public sealed class DetachLicenseCommand(IAnsiConsole console) : AsyncCommand<DetachLicenseSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, DetachLicenseSettings settings, CancellationToken cancellationToken) =>
        LicenseChange.RunAsync(console, settings, "DetachLicense", "detach", "detached the licence", p => p["configoption6"] = settings.Email ? "on" : "", cancellationToken);
}
