using System.Text.Json.Serialization;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>The error body's <c>data</c> member.</summary>
internal sealed record ErrorData([property: JsonPropertyName("status")] int Status);
