using System.Text.Json;
using JetpackWhmcs.Provisioning.Audit;
using EngineParameters = JetpackWhmcs.Provisioning.Parameters.ModuleParameters;

namespace JetpackWhmcs.Service.ModuleCalls;

/// <summary>
/// The body of a module call (<c>{"params": {...}}</c>), parsed once by the engine's own parameter rules:
/// bad input is refused here with a sentence (400) before anything runs, and the parsed parameters are
/// what the engine, the endpoint's log line and the token registry all use.
/// </summary>
public sealed class ModuleCallBody
{
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        MaxDepth = 32,
        // {"params": {...}, "params": {...}}: which one counts would depend on the reader; refuse both.
        AllowDuplicateProperties = false,
    };

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private ModuleCallBody(EngineParameters? parsed, string actor, string? error)
    {
        Parameters = parsed;
        Actor = actor;
        Error = error;
    }

    /// <summary>The parameters as the engine reads them; null when <see cref="Error"/> is set.</summary>
    public EngineParameters? Parameters { get; }

    /// <summary>Who caused the call, for the audit (<c>admin 3 (alice)</c>, <c>client 12</c>, <c>system</c>).</summary>
    public string Actor { get; }

    /// <summary>Why the body is unusable (the sentence for the 400 body), or null.</summary>
    public string? Error { get; }

    /// <summary>Parses and checks <paramref name="body"/>.</summary>
    public static ModuleCallBody Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException e)
        {
            return Refused($"The body is not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ')}).");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The duplicate-key check compares keys as text, which throws for a key that is no text.
            return Refused(InvalidUnicode("a key"));
        }

        // The engine gets the parsed parameters (plain values), so the document is not kept.
        using (document)
        {
            return Check(document);
        }
    }

    private static ModuleCallBody Check(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Refused("The body must be a JSON object {\"params\": {...}}.");
        }

        if (FirstInvalidText(root) is { } where)
        {
            return Refused(InvalidUnicode(where.Length > 60 ? where[..60] + "..." : where));
        }

        // PHP's json_encode turns an empty array into [], so an empty list (or no params) is an empty object.
        if (!root.TryGetProperty("params", out var parameters) || parameters.ValueKind == JsonValueKind.Null
            || (parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() == 0))
        {
            parameters = EmptyObject;
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return Refused("\"params\" must be a JSON object.");
        }

        // The types, lengths and characters of each key are the engine's rules, checked here so that bad
        // input is refused with 400 before anything runs; one parser, so the two cannot drift apart.
        if (!EngineParameters.TryParse(parameters, out var parsed, out var invalid))
        {
            return Refused(invalid);
        }

        var actor = AuditActor.System;
        if (root.TryGetProperty("actor", out var actorJson) && actorJson.ValueKind != JsonValueKind.Null
            && !AuditActor.TryRead(actorJson, out actor, out var badActor))
        {
            return Refused(badActor);
        }

        return new ModuleCallBody(parsed, actor, null);
    }

    /// <summary>
    /// Where a string or property name holds an escape that is no text (<c>"\ud800"</c>): the JSON reader
    /// accepts it, but reading it as a string throws, which must not happen later inside a module call.
    /// </summary>
    private static string? FirstInvalidText(JsonElement element, string path = "$", int depth = 0)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!ReadableName(property))
                    {
                        return path + " (a key)";
                    }

                    if (FirstInvalidText(property.Value, path + "." + property.Name, depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstInvalidText(item, $"{path}[{index++}]", depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Readable(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static bool ReadableName(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static ModuleCallBody Refused(string error) => new(null, AuditActor.System, error);

    private static string InvalidUnicode(string where) =>
        $"The body holds text that is not valid Unicode at {where} (an unpaired surrogate escape such as \\ud800): send UTF-8 text.";
}
