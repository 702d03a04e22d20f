using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JetpackWhmcs.Service.Bridge;

/// <summary>
/// Calls the module endpoint exactly as the PHP bridge does (signed JSON over HTTP). The demo acts as
/// WHMCS through it; tests use it to reach the real endpoint.
/// </summary>
public sealed class BridgeClient(HttpClient http, BridgeSecret secret, TimeProvider timeProvider)
{
    /// <summary>Calls <c>POST /module/{function}</c> with <c>{"params": ...}</c>.</summary>
    public Task<BridgeResponse> CallAsync(string function, JsonObject parameters, CancellationToken cancellationToken = default) =>
        SendAsync(function, Encoding.UTF8.GetBytes(new JsonObject { ["params"] = parameters.DeepClone() }.ToJsonString()), cancellationToken);

    /// <summary>Sends a body as given, signed (tests send malformed bodies through it).</summary>
    public Task<BridgeResponse> SendAsync(string function, byte[] body, CancellationToken cancellationToken = default)
    {
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return SendRawAsync(function, body, timestamp, nonce, BridgeSignature.ComputeHex(secret.Key, function, timestamp, nonce, body), cancellationToken);
    }

    /// <summary>Sends with the given headers (null leaves a header out): tests forge bad signatures with it.</summary>
    public async Task<BridgeResponse> SendRawAsync(string function, byte[] body, string? timestamp, string? nonce, string? signature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("module/" + Uri.EscapeDataString(function), UriKind.Relative));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (timestamp is not null)
        {
            request.Headers.Add(BridgeSignature.TimestampHeader, timestamp);
        }

        if (nonce is not null)
        {
            request.Headers.Add(BridgeSignature.NonceHeader, nonce);
        }

        if (signature is not null)
        {
            request.Headers.Add(BridgeSignature.SignatureHeader, signature);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? result = null;
        string? error = null;
        try
        {
            if (JsonNode.Parse(text) is JsonObject json)
            {
                result = json["result"]?.DeepClone();
                error = json["error"]?.GetValue<string>();
            }
        }
        catch (JsonException)
        {
            error = "the service answered something that is not JSON";
        }

        return new BridgeResponse(response.StatusCode, result, error, text);
    }
}
