using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>One authenticated call as an endpoint sees it: who called, with which parameters.</summary>
internal sealed class SandboxCall(string token, HttpRequest request, string body, SandboxStore store, SandboxOptions options)
{
    private Dictionary<string, string>? bodyFields;

    public string Token => token;

    public SandboxStore Store => store;

    public SandboxOptions Options => options;

    public string? RouteValue(string name) => request.RouteValues.TryGetValue(name, out var value) ? value?.ToString() : null;

    public string? Query(string name) => request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>
    /// A parameter from the query string or, failing that, the body (JSON object or form): the
    /// original module sends query parameters, the OpenAPI document JSON bodies; the API takes both.
    /// </summary>
    public string? Param(string name) => Query(name) ?? BodyFields().GetValueOrDefault(name);

    private Dictionary<string, string> BodyFields() => bodyFields ??= ParseBody();

    private Dictionary<string, string> ParseBody()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body))
        {
            return fields;
        }

        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(body))
            {
                fields[key] = value.ToString();
            }

            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : property.Value.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            // A body that is not JSON carries no parameters; the endpoint reports what is missing.
        }

        return fields;
    }
}
