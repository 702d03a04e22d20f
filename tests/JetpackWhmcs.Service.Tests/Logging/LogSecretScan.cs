using System.Collections;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Testing;

namespace JetpackWhmcs.Service.Tests.Logging;

/// <summary>
/// Looks for secrets in captured log records: the formatted message, every state and scope key/value
/// and the exception text, in the forms a secret takes on the way (raw, URL-encoded, JSON-escaped).
/// </summary>
public static class LogSecretScan
{
    /// <summary>The ways a secret can be written out by the HTTP, URL and JSON layers.</summary>
    public static IReadOnlyList<string> FormsOf(string secret) =>
        new[] { secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret), JsonSerializer.Serialize(secret).Trim('"') }
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>One line per record that contains a form of a secret, naming the record but not the secret.</summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<FakeLogRecord> records, IReadOnlyDictionary<string, string> secretsByName)
    {
        var forms = secretsByName.SelectMany(s => FormsOf(s.Value).Select(form => (s.Key, Form: form))).ToList();
        var leaks = new List<string>();
        foreach (var record in records)
        {
            foreach (var (where, text) in TextsOf(record))
            {
                // Hex secrets may be printed in either case; tokens are compared the same way to be strict.
                foreach (var (name, _) in forms.Where(f => text.Contains(f.Form, StringComparison.OrdinalIgnoreCase)))
                {
                    leaks.Add($"{name} in the {where} of a {record.Level} record from {record.Category} (event {record.Id})");
                }
            }
        }

        return leaks.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<(string Where, string Text)> TextsOf(FakeLogRecord record)
    {
        yield return ("message", record.Message);
        if (record.State is { } state)
        {
            yield return ("state", state.ToString() ?? string.Empty);
        }

        foreach (var (key, value) in record.StructuredState ?? [])
        {
            yield return ($"state key {key}", key + "=" + value);
        }

        foreach (var scope in record.Scopes)
        {
            foreach (var text in ScopeTexts(scope))
            {
                yield return ("scope", text);
            }
        }

        for (var e = record.Exception; e is not null; e = e.InnerException)
        {
            yield return ("exception", e.ToString());
            foreach (DictionaryEntry entry in e.Data)
            {
                yield return ("exception data", $"{entry.Key}={entry.Value}");
            }
        }
    }

    private static IEnumerable<string> ScopeTexts(object? scope)
    {
        if (scope is null)
        {
            yield break;
        }

        yield return scope.ToString() ?? string.Empty;
        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                yield return key + "=" + value;
            }
        }
    }
}
