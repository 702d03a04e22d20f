using System.Globalization;

namespace JetpackWhmcs.Ledger.Sql;

/// <summary>Conversions between our values and what the two drivers store and return.</summary>
internal static class DbValues
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Revoked = "revoked";
    public const string Unassigned = "unassigned";

    /// <summary>
    /// UTC, truncated to whole seconds: the original TIMESTAMP columns hold no fractions on MySQL, and
    /// truncating everywhere makes both databases return what was written.
    /// </summary>
    public static DateTime WriteTime(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    public static DateTime? WriteTime(DateTime? value) => value is { } v ? WriteTime(v) : null;

    public static DateTime? ReadTime(object? value) => value switch
    {
        null or DBNull => null,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidOperationException($"The ledger read a time value of unexpected type {value.GetType().Name}."),
    };

    public static string StateName(LicenseState state) => state switch
    {
        LicenseState.Pending => Pending,
        LicenseState.Active => Active,
        LicenseState.Revoked => Revoked,
        LicenseState.Unassigned => Unassigned,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown licence state."),
    };

    /// <summary>Legacy rows have no state: a row without <c>revoked_at</c> is active.</summary>
    public static LicenseState ParseState(string? state, DateTime? revokedAt) => state switch
    {
        Pending => LicenseState.Pending,
        Active => LicenseState.Active,
        Revoked => LicenseState.Revoked,
        Unassigned => LicenseState.Unassigned,
        null => revokedAt is null ? LicenseState.Active : LicenseState.Revoked,
        _ => throw new InvalidOperationException($"The ledger holds an unknown licence state '{state}'."),
    };

    public static string? Truncate(string? value, int maxLength) =>
        value is null || value.Length <= maxLength ? value : value[..maxLength];

    /// <summary>Identifiers are refused rather than truncated: a cut key or slot would be a different one.</summary>
    public static string? Checked(string? value, int maxLength, string paramName) =>
        value is not null && value.Length > maxLength
            ? throw new ArgumentException($"The value is longer than the {maxLength} characters the ledger column holds.", paramName)
            : value;

    public static string PendingKey(string claimId) => LedgerSchema.PendingKeyPrefix + claimId;
}
