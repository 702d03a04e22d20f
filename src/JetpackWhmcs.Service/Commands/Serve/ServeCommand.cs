using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Service.Admin.Standalone;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Commands.Sandbox;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Serve;

/// <summary><c>jetpack-whmcs serve</c>: the module endpoint, health and metrics, until stopped.</summary>
public sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        SandboxServer? sandbox = null;
        var overrides = new Dictionary<string, string?>();
        try
        {
            if (settings.Sandbox)
            {
                var sandboxOptions = InProcessSandbox.Options(settings);
                SandboxFaultFlags.Apply(sandboxOptions.Faults, settings.Faults, settings.LateAnswerDelay);
                sandbox = await SandboxServer.StartAsync(sandboxOptions, cancellationToken: cancellationToken);
                overrides[nameof(JetpackWhmcsOptions.ApiUrl)] = sandbox.BaseUrl.ToString();
                overrides["ExtraTokens:0"] = settings.SandboxToken;
                // The token is never printed (this line ends up in logs): its fingerprint is.
                console.MarkupLineInterpolated($"In-process Jetpack Licensing API sandbox on {sandbox.BaseUrl} (seed {sandboxOptions.Seed}; token fingerprint {TokenFingerprint.Of(settings.SandboxToken)}; {SandboxFaultFlags.Describe(sandboxOptions.Faults)}{(settings.SandboxControl ? "; control API on /_sandbox/" : "")}).");
            }

            await using var app = ServiceHost.Build(settings, settings.Urls, overrides);
            await ServiceHost.StartAsync(app, cancellationToken);
            var options = app.Services.GetRequiredService<JetpackWhmcsOptions>();
            var secret = app.Services.GetRequiredService<BridgeSecret>();
            console.MarkupLineInterpolated($"jetpack-whmcs serving on [bold]{ServiceHost.Address(app)}[/]: ledger {LedgerConnectionString.Describe(options.ResolvedDatabase)}, API {options.ApiBaseUri}, {secret}.");
            if (settings.AdminLink)
            {
                // Written without markup parsing: the link is printed exactly, for copying.
                console.WriteLine($"Admin pages (one-time link, works once): {OneTimeLink.Issue(app)}");
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        finally
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }
        }
    }
}
