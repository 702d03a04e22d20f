using System.Globalization;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Service.Admin.Common;

/// <summary>How values read on the pages: times in UTC, states as Bootstrap 3 labels.</summary>
public static class Display
{
    /// <summary>A UTC time as <c>2026-03-01 10:00</c>.</summary>
    public static string Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A number with thousands separators.</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An id as query text.</summary>
    public static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The state's name as the pages and the query use it.</summary>
    public static string StateName(LicenseState state) => state.ToString().ToLowerInvariant();

    /// <summary>The Bootstrap 3 label class of a state.</summary>
    public static string StateLabel(LicenseState state) => state switch
    {
        LicenseState.Active => "label label-success",
        LicenseState.Pending => "label label-warning",
        LicenseState.Unassigned => "label label-info",
        _ => "label label-default",
    };
}
