using System.Text.Json.Serialization;

namespace JetpackWhmcs.Licensing.Models;

/// <summary>One page of the licence list.</summary>
public sealed record LicensePage
{
    /// <summary>The licences on this page.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<License> Items { get; init; } = [];

    /// <summary>The page number, from 1.</summary>
    [JsonPropertyName("current_page")]
    public int CurrentPage { get; init; }

    /// <summary>How many items this page holds.</summary>
    [JsonPropertyName("current_items")]
    public int CurrentItems { get; init; }

    /// <summary>The page size the server used.</summary>
    [JsonPropertyName("items_per_page")]
    public int ItemsPerPage { get; init; }

    /// <summary>The number of licences matching the query over all pages.</summary>
    [JsonPropertyName("total_items")]
    public int TotalItems { get; init; }

    /// <summary>The number of pages.</summary>
    [JsonPropertyName("total_pages")]
    public int TotalPages { get; init; }
}
