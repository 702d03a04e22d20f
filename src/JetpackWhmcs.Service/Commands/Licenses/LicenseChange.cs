using System.Text.Json;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Commands.Support;
using Spectre.Console;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>
/// Runs one module function for one service or addon through the engine, exactly as a WHMCS call
/// would (same exactly-once claims, same audit), and prints what changed with the request id.
/// </summary>
public static class LicenseChange
{
    /// <summary>Runs <paramref name="function"/>; throws one sentence when the engine refuses.</summary>
    public static async Task<int> RunAsync(
        IAnsiConsole console,
        LicenseChangeSettings settings,
        string function,
        string verb,
        Action<JsonObject>? extra,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(settings);
        await using var scope = await CommandScope.OpenAsync(settings, readWhmcsTokens: true, cancellationToken);
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
        var result = await scope.Engine.InvokeAsync(function, JsonSerializer.SerializeToElement(parameters), cancellationToken);
        var requestId = result.RequestId is null ? "no API call was needed" : $"Jetpack request id {result.RequestId}";
        if (result.Outcome != ModuleOutcome.Success)
        {
            var sentence = result.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : result.Value?["error"]?.ToString() ?? result.Outcome.ToString();
            throw new CommandFailedException($"Could not {verb} the licence of {owner}: {sentence.TrimEnd('.')} ({requestId}).");
        }

        var after = await scope.Ledger.FindByOwnerAsync(owner, cancellationToken);
        console.MarkupLineInterpolated($"[green]Done:[/] {verb} for {owner} ({requestId}).");
        console.Write(LicenseFormat.Table(after));
        return 0;
    }
}
