using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>
/// <c>jetpack-whmcs whmcs database --whmcs-root DIR</c>: prints the connection string of WHMCS's own
/// database (where the original modules keep <c>jetpack_product_licenses</c>) for <c>--database</c>.
/// It holds the database password, so it is printed only on this request, with a warning on stderr.
/// </summary>
public sealed class WhmcsDatabaseCommand(IAnsiConsole console) : Command<WhmcsDatabaseSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, WhmcsDatabaseSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = WhmcsRoot.Open(settings.WhmcsRoot!);
        var connectionString = WhmcsConfigurationFile.ConnectionString(root.ConfigurationFile);
        // The warning goes to stderr so that `$(jetpack-whmcs whmcs database ...)` captures only the string.
        Console.Error.WriteLine(
            "Warning: this contains WHMCS's database password. Put it only in the service's configuration "
            + "(e.g. JETPACK_WHMCS_DATABASE in an environment file readable by the service user alone), never in tickets or logs.");
        console.Profile.Out.Writer.WriteLine(connectionString);
        return 0;
    }
}
