using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary><c>jetpack-whmcs licenses reissue</c>: runs ReissueLicense for one service or addon through the engine.</summary>
public sealed class ReissueLicenseCommand(IAnsiConsole console) : AsyncCommand<LicenseChangeSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, LicenseChangeSettings settings, CancellationToken cancellationToken) =>
        LicenseChange.RunAsync(console, settings, "ReissueLicense", "reissue", "reissued the licence", null, cancellationToken);
}
