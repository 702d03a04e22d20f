using System.Text.Json.Serialization;

namespace JetpackWhmcs.Ledger.Identity;

/// <summary>
/// What a data directory remembers about the ledger it uses (<c>&lt;data-dir&gt;/ledger-identity.json</c>):
/// the ledger's random id and the highest licence row id seen. Licence rows are never deleted, so a
/// ledger with a lower highest id than the marker's was emptied, truncated or replaced.
/// </summary>
/// <param name="LedgerId">The random id stored in the ledger's identity table.</param>
/// <param name="HighestRowId">The highest licence row id seen in that ledger.</param>
/// <param name="Database">Which database it was (for the operator; never a password).</param>
/// <param name="UpdatedAt">When the marker was last written.</param>
public sealed record LedgerIdentityMarker(
    [property: JsonPropertyName("ledger_id")] string LedgerId,
    [property: JsonPropertyName("highest_row_id")] long HighestRowId,
    [property: JsonPropertyName("database")] string Database,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt);
