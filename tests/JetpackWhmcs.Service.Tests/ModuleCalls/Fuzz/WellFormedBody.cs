using System.Text.Json;
using JetpackWhmcs.Provisioning.Parameters;

namespace JetpackWhmcs.Service.Tests.ModuleCalls.Fuzz;

/// <summary>
/// The fuzz run's own verdict on a body, from docs/bridge-protocol.md rather than from the service's code:
/// strict JSON (no duplicate keys, no comments, at most 32 levels), every string and key real text, a
/// root object whose <c>params</c> is an object (or absent, null or PHP's empty array), and parameters the
/// engine's rules accept. The owner is what a ledger row changed by this call would belong to.
/// </summary>
public static class WellFormedBody
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    public static bool Check(byte[] body, out string? owner)
    {
        owner = null;
        try
        {
            using var document = JsonDocument.Parse(body, Strict);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !AllText(root))
            {
                return false;
            }

            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            if (parameters.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object)
                && !(parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() == 0))
            {
                return false;
            }

            if (!ModuleParameters.TryParse(parameters, out var parsed, out _))
            {
                return false;
            }

            owner = parsed.Owner?.SlotKey;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Reading every key and string throws for an unpaired surrogate or bytes that are no UTF-8.</summary>
    private static bool AllText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            case JsonValueKind.Object:
                return element.EnumerateObject().All(p => p.Name is not null && AllText(p.Value));
            case JsonValueKind.Array:
                return element.EnumerateArray().All(AllText);
            default:
                return true;
        }
    }
}
