using System.Text.Json.Serialization;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>The API's error body, WordPress REST style.</summary>
internal sealed record ErrorBody(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("data")] ErrorData Data);
