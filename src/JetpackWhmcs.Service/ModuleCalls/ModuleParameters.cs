using System.Text.Json;
using System.Text.Json.Nodes;
using EngineParameters = JetpackWhmcs.Provisioning.Parameters.ModuleParameters;

namespace JetpackWhmcs.Service.ModuleCalls;

/// <summary>
/// Reads the body of a module call (<c>{"params": {...}}</c>) and checks it with the engine's own
/// parameter rules, so that bad input is refused with a sentence (400) before anything runs.
/// </summary>
public static class ModuleParameters
{
    /// <summary>The <c>params</c> object, or the sentence saying why the body is unusable.</summary>
    public static (JsonElement Params, string? Error) Read(ReadOnlySpan<byte> body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return (default, $"The body is not valid JSON ({e.Message.Split(" Path:")[0].TrimEnd('.')}).");
        }

        if (root is not JsonObject envelope)
        {
            return (default, "The body must be a JSON object {\"params\": {...}}.");
        }

        var node = envelope["params"];
        // PHP's json_encode turns an empty array into [], so an empty list is an empty params object.
        if (node is null || (node is JsonArray { Count: 0 }))
        {
            node = new JsonObject();
        }

        if (node is not JsonObject parameters)
        {
            return (default, "\"params\" must be a JSON object.");
        }

        // The types, lengths and characters of each key are the engine's rules, checked here so that bad
        // input is refused with 400 before anything runs; one parser, so the two cannot drift apart.
        var element = JsonSerializer.SerializeToElement(parameters);
        if (!EngineParameters.TryParse(element, out _, out var invalid))
        {
            return (default, invalid);
        }

        return (element, null);
    }
}
