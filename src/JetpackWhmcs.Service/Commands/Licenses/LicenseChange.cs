using System.Text.Json.Nodes;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Commands.Support;
using JetpackWhmcs.Service.LicenseActions;
using Spectre.Console;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>
/// Runs one module function for one service or addon through the engine (<see cref="LicenseActionRunner"/>,
/// shared with the admin pages), and prints what changed with the request id.
/// </summary>
public static class LicenseChange
{
    /// <summary>Runs <paramref name="function"/>; throws one sentence when the engine refuses.</summary>
    /// <param name="console">Where to print.</param>
    /// <param name="settings">Which licence, and the shared options.</param>
    /// <param name="function">The module function.</param>
    /// <param name="verb">What is done, for an error ("revoke").</param>
    /// <param name="done">What was done, for success ("revoked the licence").</param>
    /// <param name="extra">Adds function-specific parameters (only <c>domain</c> is read).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<int> RunAsync(
        IAnsiConsole console,
        LicenseChangeSettings settings,
        string function,
        string verb,
        string done,
        Action<JsonObject>? extra,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(settings);
        await using var scope = await CommandScope.OpenAsync(settings, readWhmcsTokens: true, cancellationToken);
        var owner = LicenseTarget.ParseOwner(settings.Which)!;
        var extras = new JsonObject();
        extra?.Invoke(extras);
        var request = new LicenseActionRequest
        {
            Owner = owner,
            Function = function,
            ProductSlug = settings.Product,
            Token = settings.Tokens.FirstOrDefault(),
            ParentService = settings.ParentService,
            OrderId = settings.Order,
            Pid = settings.Pid,
            Domain = extras["domain"]?.GetValue<string>(),
        };
        var runner = new LicenseActionRunner(scope.Ledger, scope.Engine, scope.Tokens);
        LicenseActionResult result;
        try
        {
            result = await LedgerAccess.ReadAsync(scope, _ => runner.RunAsync(request, AuditActor.Command(Environment.UserName), cancellationToken));
        }
        catch (LicenseActionRefusedException e)
        {
            throw new CommandFailedException(e.Message);
        }

        if (!result.Succeeded)
        {
            throw new CommandFailedException($"Could not {verb} the licence of {owner}: {result.MessageWithRequestId}.");
        }

        console.MarkupLineInterpolated($"[green]Done:[/] {done} for {owner} ({result.RequestIdText}).");
        console.Write(LicenseFormat.Table(result.After));
        return 0;
    }
}
