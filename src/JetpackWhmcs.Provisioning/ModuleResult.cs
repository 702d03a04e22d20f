using System.Text.Json.Nodes;

namespace JetpackWhmcs.Provisioning;

/// <summary>What a module function returns to WHMCS, and how it went (for metrics and logs).</summary>
/// <param name="Value">
/// Exactly what the PHP function returns: a JSON string (<c>"success"</c> or an error sentence) for core
/// and button functions, a JSON object for array functions (MetaData, ConfigOptions, TestConnection,
/// AdminServicesTabFields, ClientArea, AdminCustomButtonArray, the product loader).
/// </param>
/// <param name="Outcome">How it went.</param>
/// <param name="RequestId">The last Jetpack request id involved, if any.</param>
public sealed record ModuleResult(JsonNode? Value, ModuleOutcome Outcome, string? RequestId = null)
{
    /// <summary>The core-function success answer.</summary>
    public static ModuleResult Success(string? requestId = null) => new(JsonValue.Create("success"), ModuleOutcome.Success, requestId);

    /// <summary>A core-function error sentence.</summary>
    public static ModuleResult Error(string sentence, string? requestId = null) => new(JsonValue.Create(sentence), ModuleOutcome.Error, requestId);

    /// <summary>An array-function answer.</summary>
    public static ModuleResult Array(JsonObject value, ModuleOutcome outcome = ModuleOutcome.Success, string? requestId = null) => new(value, outcome, requestId);
}

/// <summary>How a module call went.</summary>
public enum ModuleOutcome
{
    /// <summary>Done (including "already done": an idempotent repeat).</summary>
    Success,

    /// <summary>Refused or failed; the answer says why.</summary>
    Error,

    /// <summary>Another call is working on the same licence; retry shortly.</summary>
    InProgress,

    /// <summary>The bridge sent parameters the engine cannot use.</summary>
    InvalidInput,
}
