using System.ComponentModel;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>Options of <c>jetpack-whmcs whmcs install</c>; the shared options locate the bridge secret (<c>--data-dir</c>).</summary>
public sealed class WhmcsInstallSettings : ServiceSettings
{
    /// <summary>The service URL written into a new config.php.</summary>
    public const string DefaultServiceUrl = "http://127.0.0.1:8787";

    [CommandOption("--whmcs-root <DIR>")]
    [Description("The WHMCS folder: the one holding configuration.php and modules/servers/")]
    public string? WhmcsRoot { get; init; }

    [CommandOption("--service-url <URL>")]
    [Description("Where the bridge reaches the jetpack-whmcs service. Default " + DefaultServiceUrl)]
    public string? ServiceUrl { get; init; }

    [CommandOption("--rewrite-config")]
    [Description("Write config.php again (service URL and secret) even when it exists; by default an upgrade keeps it")]
    public bool RewriteConfig { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(WhmcsRoot))
        {
            return ValidationResult.Error("--whmcs-root is required: pass the WHMCS folder, the one holding configuration.php.");
        }

        if (ServiceUrl is not null
            && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            return ValidationResult.Error($"--service-url {ServiceUrl} is not an http(s) URL: pass the address the service listens on, e.g. {DefaultServiceUrl}.");
        }

        return ValidationResult.Success();
    }
}
