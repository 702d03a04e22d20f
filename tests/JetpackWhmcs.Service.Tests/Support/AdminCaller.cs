using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Bridge;

namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>Calls <c>POST /admin/{action}</c> the way the addon module does: signed, with the admin in the body.</summary>
public sealed class AdminCaller(HttpClient http, BridgeSecret secret)
{
    public const string Csrf = "whmcs-csrf-value-1234";

    public sealed record Answer(HttpStatusCode Status, JsonObject? Json, string Text)
    {
        public string Html => Json?["html"]?.GetValue<string>() ?? throw new InvalidOperationException("No html in: " + Text);

        public string? Error => Json?["error"]?.GetValue<string>();
    }

    /// <summary>A signed request as captured on the wire, to replay or forge.</summary>
    public sealed record SignedCall(string Action, byte[] Body, string Timestamp, string Nonce, string Signature);

    public static JsonObject Body(string method = "GET", JsonObject? query = null, JsonObject? form = null, JsonObject? settings = null, long adminId = 3, string username = "alice") => new()
    {
        ["admin"] = new JsonObject { ["id"] = adminId, ["username"] = username },
        ["method"] = method,
        ["modulelink"] = "addonmodules.php?module=jetpack",
        ["query"] = query ?? new JsonObject(),
        ["form"] = form ?? new JsonObject(),
        ["csrf"] = Csrf,
        ["settings"] = settings ?? new JsonObject(),
        ["language"] = "english",
    };

    public SignedCall Sign(string action, JsonObject body, DateTimeOffset? at = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new SignedCall(action, bytes, timestamp, nonce, BridgeSignature.ComputeHex(secret.Key, "admin/" + action, timestamp, nonce, bytes));
    }

    public Task<Answer> CallAsync(string action, JsonObject body) => SendAsync(Sign(action, body));

    /// <summary>GET of an addon page (<c>page</c> and the other query parameters).</summary>
    public Task<Answer> PageAsync(string page, params (string Key, string Value)[] query)
    {
        var q = new JsonObject { ["page"] = page };
        foreach (var (key, value) in query)
        {
            q[key] = value;
        }

        return CallAsync("page", Body(query: q));
    }

    /// <summary>POST of an addon page's form.</summary>
    public Task<Answer> PostAsync(string page, JsonObject query, JsonObject form)
    {
        query["page"] = page;
        return CallAsync("page", Body("POST", query, form));
    }

    public async Task<Answer> SendAsync(SignedCall call, bool withHeaders = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/" + call.Action, UriKind.Relative));
        request.Content = new ByteArrayContent(call.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (withHeaders)
        {
            request.Headers.Add(BridgeSignature.TimestampHeader, call.Timestamp);
            request.Headers.Add(BridgeSignature.NonceHeader, call.Nonce);
            request.Headers.Add(BridgeSignature.SignatureHeader, call.Signature);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return new Answer(response.StatusCode, json, text);
    }
}
