using System.Text.Json;
using System.Text.Json.Serialization;

namespace JetpackWhmcs.Operator.Drift;

/// <summary>How findings and counts are stored in the ledger's checks table: JSON with kinds by name, so a stored report outlives a reordering of the enum.</summary>
public static class DriftJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The findings as JSON.</summary>
    public static string Findings(IReadOnlyList<DriftFinding> findings) => JsonSerializer.Serialize(findings, Options);

    /// <summary>The counts as JSON.</summary>
    public static string Counts(DriftCounts counts) => JsonSerializer.Serialize(counts, Options);

    /// <summary>Reads stored findings ("[]" or blank: none).</summary>
    public static IReadOnlyList<DriftFinding> ReadFindings(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<DriftFinding>>(json, Options) ?? [];

    /// <summary>Reads stored counts ("{}" or blank: none).</summary>
    public static DriftCounts ReadCounts(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new DriftCounts() : JsonSerializer.Deserialize<DriftCounts>(json, Options) ?? new DriftCounts();
}
