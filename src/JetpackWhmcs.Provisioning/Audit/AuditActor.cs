using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JetpackWhmcs.Provisioning.Audit;

/// <summary>
/// Who caused the API calls of the current flow (<c>admin 3 (alice)</c>, <c>client 12</c>, <c>system</c>),
/// recorded on every audit row they write. It is ambient (an async-local value) because it belongs to a
/// whole call: the claim protocol, the issuer and the lifecycle operations between the endpoint and the
/// audited client never need it, so threading it through each of them would add a parameter that only
/// the last one reads. A flow that sets nothing is <c>system</c> (WHMCS's cron, the recovery worker).
/// </summary>
public static class AuditActor
{
    /// <summary>The actor of automation: WHMCS's cron, the service's own workers.</summary>
    public const string System = "system";

    private const int MaxNameLength = 40;

    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>The actor of the current flow.</summary>
    public static string Current => Ambient.Value ?? System;

    /// <summary>Makes <paramref name="actor"/> the actor until the returned scope is disposed.</summary>
    public static IDisposable Use(string? actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = string.IsNullOrWhiteSpace(actor) ? null : actor;
        return new Scope(previous);
    }

    /// <summary>An admin of WHMCS: <c>admin 3 (alice)</c>; the name is cut and stripped of control characters.</summary>
    public static string Admin(long id, string? name)
    {
        var clean = Clean(name);
        return clean.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"admin {id}")
            : string.Create(CultureInfo.InvariantCulture, $"admin {id} ({clean})");
    }

    /// <summary>A client acting on their own service in WHMCS's client area: <c>client 12</c>.</summary>
    public static string Client(long id) => string.Create(CultureInfo.InvariantCulture, $"client {id}");

    /// <summary>An operator running a <c>jetpack-whmcs</c> command: <c>command (root)</c>.</summary>
    public static string Command(string? user)
    {
        var clean = Clean(user);
        return clean.Length == 0 ? "command" : $"command ({clean})";
    }

    /// <summary>
    /// Reads the <c>actor</c> object of a module call (docs/bridge-protocol.md): <c>{"kind": "admin", "id": 3,
    /// "name": "alice"}</c>, <c>{"kind": "client", "id": 12}</c> or <c>{"kind": "system"}</c>.
    /// </summary>
    public static bool TryRead(JsonElement json, out string actor, out string error)
    {
        actor = System;
        error = "";
        if (json.ValueKind != JsonValueKind.Object)
        {
            error = "\"actor\" must be a JSON object such as {\"kind\": \"admin\", \"id\": 3, \"name\": \"alice\"}.";
            return false;
        }

        var kind = json.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        if (kind == "system")
        {
            return true;
        }

        if (kind is not ("admin" or "client"))
        {
            error = "\"actor.kind\" must be \"admin\", \"client\" or \"system\".";
            return false;
        }

        if (!json.TryGetProperty("id", out var idElement) || !TryReadId(idElement, out var id))
        {
            error = $"\"actor.id\" must be the positive id of the {kind}.";
            return false;
        }

        var name = json.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        actor = kind == "admin" ? Admin(id, name) : Client(id);
        return true;
    }

    private static bool TryReadId(JsonElement element, out long id)
    {
        id = 0;
        var parsed = element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out id),
            // PHP passes ids as numeric strings too.
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            _ => false,
        };
        return parsed && id > 0;
    }

    private static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(name.Length, MaxNameLength));
        foreach (var c in name.Where(c => !char.IsControl(c) && c is not ('(' or ')')))
        {
            if (builder.Length == MaxNameLength)
            {
                break;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
