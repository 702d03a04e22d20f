using System.Net;
using System.Text.Json.Nodes;

namespace JetpackWhmcs.Service.Bridge;

/// <summary>What the service answered to a module call.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Result">The <c>result</c> of a 200 answer.</param>
/// <param name="Error">The <c>error</c> sentence of a non-200 answer.</param>
/// <param name="Body">The raw body.</param>
public sealed record BridgeResponse(HttpStatusCode Status, JsonNode? Result, string? Error, string Body)
{
    /// <summary>The result as a string (core and button functions), or null.</summary>
    public string? ResultText => Result is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
