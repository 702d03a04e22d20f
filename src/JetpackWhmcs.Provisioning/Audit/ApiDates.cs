using System.Globalization;

namespace JetpackWhmcs.Provisioning.Audit;

/// <summary>Reads the API's date-time strings (<c>yyyy-MM-dd HH:mm:ss</c> UTC, or ISO 8601) leniently.</summary>
internal static class ApiDates
{
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTime.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : null;
    }

    public static DateTime ParseOr(string? text, DateTime fallback) => Parse(text) ?? fallback;
}
