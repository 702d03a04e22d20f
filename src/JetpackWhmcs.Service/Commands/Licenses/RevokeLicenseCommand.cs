using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary><c>jetpack-whmcs licenses revoke</c>: runs TerminateAccount for one service or addon through the engine.</summary>
public sealed class RevokeLicenseCommand(IAnsiConsole console) : AsyncCommand<LicenseChangeSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, LicenseChangeSettings settings, CancellationToken cancellationToken) =>
        LicenseChange.RunAsync(console, settings, "TerminateAccount", "revoke", "revoked the licence", null, cancellationToken);
}
