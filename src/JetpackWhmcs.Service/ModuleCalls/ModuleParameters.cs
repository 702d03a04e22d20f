using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JetpackWhmcs.Service.ModuleCalls;

/// <summary>
/// Reads the body of a module call (<c>{"params": {...}}</c>) and checks the types of the keys the
/// protocol names, so that bad input is refused with a sentence before the engine sees it.
/// </summary>
public static class ModuleParameters
{
    private static readonly string[] IntegerKeys = ["serviceid", "addonId", "orderid", "pid", "userid"];
    private static readonly string[] StringKeys = ["domain", "status"];

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

        foreach (var key in IntegerKeys)
        {
            if (parameters[key] is { } value && !IsIntegerLike(value))
            {
                return (default, $"params.{key} must be an integer or a numeric string (got {Show(value)}).");
            }
        }

        foreach (var key in StringKeys.Concat(Enumerable.Range(1, 24).Select(i => "configoption" + i.ToString(CultureInfo.InvariantCulture))))
        {
            if (parameters[key] is { } value && !IsScalar(value))
            {
                // The kind only, never the value: configoption1 is the partner token, and this sentence is logged.
                return (default, $"params.{key} must be a string (got a JSON {value.GetValueKind().ToString().ToLowerInvariant()}).");
            }
        }

        if (parameters["clientsdetails"] is { } details && details is not JsonObject && details is not JsonArray { Count: 0 })
        {
            return (default, $"params.clientsdetails must be an object (got {Show(details)}).");
        }

        return (JsonSerializer.SerializeToElement(parameters), null);
    }

    private static bool IsIntegerLike(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.Number => value.GetValue<JsonElement>().TryGetInt64(out _),
        JsonValueKind.String => value.GetValue<string>() is var s && (s.Length == 0 || long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)),
        _ => false,
    };

    private static bool IsScalar(JsonNode value) => value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null;

    private static string Show(JsonNode value)
    {
        var text = value.ToJsonString();
        return text.Length > 40 ? text[..40] + "..." : text;
    }
}
