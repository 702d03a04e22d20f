using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Bridge;

namespace JetpackWhmcs.Chaos.Driving;

/// <summary>Calls <c>POST /module/{Function}</c> signed as docs/bridge-protocol.md says, as the PHP bridge does.</summary>
internal sealed class SignedHttpCaller(string secretHex) : IDisposable
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(secretHex);

    // A call may outlast several API attempts; the bridge waits 25 s, the run a little longer.
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = TimeSpan.FromSeconds(60) };

    public async Task<CallAnswer> CallAsync(Uri service, string function, JsonObject parameters)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["params"] = parameters.DeepClone() }.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service, "module/" + function));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(BridgeSignature.TimestampHeader, timestamp);
        request.Headers.Add(BridgeSignature.NonceHeader, nonce);
        request.Headers.Add(BridgeSignature.SignatureHeader, BridgeSignature.ComputeHex(key, function, timestamp, nonce, body));
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != 200)
            {
                return CallAnswer.NotReached($"HTTP {(int)response.StatusCode}: {text}");
            }

            return JsonNode.Parse(text)?["result"] is JsonValue value && value.TryGetValue<string>(out var result)
                ? CallAnswer.Answered(result)
                : CallAnswer.Answered("(not a string) " + text);
        }
        catch (HttpRequestException e)
        {
            return CallAnswer.NotReached("unreachable: " + e.Message);
        }
        catch (TaskCanceledException)
        {
            return CallAnswer.NotReached("no answer within 60 s");
        }
    }

    public void Dispose() => http.Dispose();
}
