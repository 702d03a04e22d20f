using System.Text.Json;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Service.Logging;
using JetpackWhmcs.Service.Tokens;

namespace JetpackWhmcs.Service.LicenseActions;

/// <summary>
/// Runs one module function for one service or addon through the engine, exactly as a WHMCS call
/// would (same exactly-once claims, same audit), for an operator: the CLI's <c>licenses</c> commands
/// and the admin pages' licence actions. What WHMCS would send (product, token, parent service,
/// order) is taken from the ledger unless the operator gave it.
/// </summary>
public sealed class LicenseActionRunner(ILicenseLedger ledger, IModuleEngine engine, TokenRegistry tokens)
{
    /// <summary>Runs the action with <paramref name="actor"/> recorded on every audit row it writes.</summary>
    /// <exception cref="LicenseActionRefusedException">The product, token or parent service is unknown.</exception>
    public async Task<LicenseActionResult> RunAsync(LicenseActionRequest request, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var audit = AuditActor.Use(actor);
        var owner = request.Owner;
        var current = await ledger.FindBySlotAsync(owner.SlotKey, cancellationToken);
        var history = current is null ? await ledger.FindByOwnerAsync(owner, cancellationToken) : [];
        var latest = current ?? (history.Count > 0 ? history[0] : null);
        var product = request.ProductSlug ?? latest?.ProductSlug
            ?? throw new LicenseActionRefusedException($"The ledger has no licence (or no product) for {owner}, so {request.NoProductAdvice}.");
        var token = request.Token
            ?? (latest is null ? null : tokens.FindByFingerprint(latest.TokenFingerprint, TokenFingerprint.Of))
            ?? (request.FallbackToken is { } fallback && (latest?.TokenFingerprint is null || TokenFingerprint.Of(fallback) == latest.TokenFingerprint) ? fallback : null)
            ?? (tokens.All.Count == 1 ? tokens.All.First() : null)
            ?? throw new LicenseActionRefusedException(
                $"No partner token is known for {owner}" + (latest?.TokenFingerprint is { } fp ? $" (its licence was issued with the token of fingerprint {fp})" : "") +
                $": {request.NoTokenAdvice}.");
        long? serviceId = owner.Kind == OwnerKind.Service ? owner.Id : request.ParentService ?? latest?.ServiceId;
        if (serviceId is null)
        {
            throw new LicenseActionRefusedException($"The parent service of {owner} is unknown: {request.NoParentAdvice}.");
        }

        var parameters = new JsonObject
        {
            ["serviceid"] = serviceId,
            ["orderid"] = request.OrderId != 0 ? request.OrderId : latest?.OrderId ?? 0,
            ["pid"] = request.Pid != 0 ? request.Pid : latest?.ProductId ?? 0,
            ["domain"] = request.Domain ?? latest?.AttachedSite ?? "",
            ["configoption1"] = token,
            ["configoption2"] = product,
            ["configoption3"] = "on",
        };
        if (owner.Kind == OwnerKind.Addon)
        {
            parameters["addonId"] = owner.Id;
        }

        using var requestIds = JetpackRequestIds.Capture();
        var result = await engine.InvokeAsync(request.Function, JsonSerializer.SerializeToElement(parameters), cancellationToken);
        // The engine's answer carries a request id on failures; the capture has the ids of successes too.
        var after = await ledger.FindByOwnerAsync(owner, cancellationToken);
        var requestId = result.RequestId ?? requestIds.Last;
        if (result.Outcome == ModuleOutcome.Success)
        {
            return new LicenseActionResult(true, "success", requestId, false, after);
        }

        var sentence = result.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : result.Value?["error"]?.ToString() ?? result.Outcome.ToString();
        // The engine's sentences already name the request id when there is one: the caller must not say it twice.
        var named = requestId is not null && sentence.Contains(requestId, StringComparison.Ordinal);
        return new LicenseActionResult(false, sentence.TrimEnd('.'), requestId, named, after);
    }
}
