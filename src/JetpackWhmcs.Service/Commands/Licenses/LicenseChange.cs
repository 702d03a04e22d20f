using System.Text.Json;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Commands.Support;
using JetpackWhmcs.Service.Logging;
using Spectre.Console;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>
/// Runs one module function for one service or addon through the engine, exactly as a WHMCS call
/// would (same exactly-once claims, same audit), and prints what changed with the request id.
/// </summary>
public static class LicenseChange
{
    /// <summary>Runs <paramref name="function"/>; throws one sentence when the engine refuses.</summary>
    /// <param name="console">Where to print.</param>
    /// <param name="settings">Which licence, and the shared options.</param>
    /// <param name="function">The module function.</param>
    /// <param name="verb">What is done, for an error ("revoke").</param>
    /// <param name="done">What was done, for success ("revoked the licence").</param>
    /// <param name="extra">Adds function-specific parameters.</param>
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
        using var actor = AuditActor.Use(AuditActor.Command(Environment.UserName));
        var owner = LicenseTarget.ParseOwner(settings.Which)!;
        var current = await LedgerAccess.ReadAsync(scope, l => l.FindBySlotAsync(owner.SlotKey, cancellationToken));
        var history = await LedgerAccess.ReadAsync(scope, l => l.FindByOwnerAsync(owner, cancellationToken));
        var latest = current ?? (history.Count > 0 ? history[0] : null);
        var product = settings.Product ?? latest?.ProductSlug
            ?? throw new CommandFailedException($"The ledger has no licence for {owner}, so say which product with --product (e.g. --product jetpack-backup-daily).");
        var token = settings.Tokens.FirstOrDefault()
            ?? (latest is null ? null : scope.Tokens.FindByFingerprint(latest.TokenFingerprint, TokenFingerprint.Of))
            ?? (scope.Tokens.All.Count == 1 ? scope.Tokens.All.First() : null)
            ?? throw new CommandFailedException($"No partner token is known for {owner}: give it with --token (or configure Tokens).");
        long? serviceId = owner.Kind == OwnerKind.Service ? owner.Id : settings.ParentService ?? latest?.ServiceId;
        if (serviceId is null)
        {
            throw new CommandFailedException($"The parent service of {owner} is unknown: give it with --parent-service.");
        }

        var parameters = new JsonObject
        {
            ["serviceid"] = serviceId,
            ["orderid"] = settings.Order != 0 ? settings.Order : latest?.OrderId ?? 0,
            ["pid"] = settings.Pid != 0 ? settings.Pid : latest?.ProductId ?? 0,
            ["domain"] = latest?.AttachedSite ?? "",
            ["configoption1"] = token,
            ["configoption2"] = product,
            ["configoption3"] = "on",
        };
        if (owner.Kind == OwnerKind.Addon)
        {
            parameters["addonId"] = owner.Id;
        }

        extra?.Invoke(parameters);
        using var requestIds = JetpackRequestIds.Capture();
        var result = await scope.Engine.InvokeAsync(function, JsonSerializer.SerializeToElement(parameters), cancellationToken);
        // The engine's answer carries a request id on failures; the capture has the ids of successes too.
        var after = await scope.Ledger.FindByOwnerAsync(owner, cancellationToken);
        var lastRequestId = result.RequestId ?? requestIds.Last;
        var requestId = lastRequestId is null ? "no Jetpack request id" : $"Jetpack request id {lastRequestId}";
        if (result.Outcome != ModuleOutcome.Success)
        {
            var sentence = result.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : result.Value?["error"]?.ToString() ?? result.Outcome.ToString();
            // The engine's sentences already name the request id when there is one: do not say it twice.
            var suffix = lastRequestId is not null && sentence.Contains(lastRequestId, StringComparison.Ordinal) ? "" : $" ({requestId})";
            throw new CommandFailedException($"Could not {verb} the licence of {owner}: {sentence.TrimEnd('.')}{suffix}.");
        }

        console.MarkupLineInterpolated($"[green]Done:[/] {done} for {owner} ({requestId}).");
        console.Write(LicenseFormat.Table(after));
        return 0;
    }
}
