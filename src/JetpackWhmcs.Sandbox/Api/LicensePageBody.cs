using System.Text.Json.Serialization;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>One page of the licence list.</summary>
internal sealed record LicensePageBody(
    [property: JsonPropertyName("items")] IReadOnlyList<LicenseListItem> Items,
    [property: JsonPropertyName("current_page")] int CurrentPage,
    [property: JsonPropertyName("current_items")] int CurrentItems,
    [property: JsonPropertyName("items_per_page")] int ItemsPerPage,
    [property: JsonPropertyName("total_items")] int TotalItems,
    [property: JsonPropertyName("total_pages")] int TotalPages);
