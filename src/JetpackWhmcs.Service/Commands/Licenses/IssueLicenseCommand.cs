using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary><c>jetpack-whmcs licenses issue</c>: runs CreateAccount for one service or addon through the engine.</summary>
public sealed class IssueLicenseCommand(IAnsiConsole console) : AsyncCommand<LicenseChangeSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, LicenseChangeSettings settings, CancellationToken cancellationToken) =>
        LicenseChange.RunAsync(console, settings, "CreateAccount", "issue", "issued a licence", null, cancellationToken);
}
