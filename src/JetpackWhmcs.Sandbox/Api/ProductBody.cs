using System.Text.Json.Serialization;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>A product of the public catalogue.</summary>
internal sealed record ProductBody(
    [property: JsonPropertyName("product_id")] long ProductId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("slug")] string Slug);
