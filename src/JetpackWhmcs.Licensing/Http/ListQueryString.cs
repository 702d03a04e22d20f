using System.Globalization;
using System.Text;
using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Licensing.Http;

/// <summary>Writes a <see cref="LicenseListQuery"/> as the <c>/licenses</c> query string.</summary>
internal static class ListQueryString
{
    public static string For(LicenseListQuery query)
    {
        var builder = new StringBuilder("licenses?");
        if (query.Filter is { } filter)
        {
            Append(builder, "filter", filter switch
            {
                LicenseFilter.NotRevoked => "not_revoked",
                LicenseFilter.Attached => "attached",
                LicenseFilter.Detached => "detached",
                LicenseFilter.Revoked => "revoked",
                _ => throw new ArgumentOutOfRangeException(nameof(query), filter, "Unknown licence filter."),
            });
        }

        if (!string.IsNullOrEmpty(query.Search))
        {
            Append(builder, "search", query.Search);
        }

        if (query.SortField is { } field)
        {
            Append(builder, "sort_field", field switch
            {
                LicenseSortField.IssuedAt => "issued_at",
                LicenseSortField.AttachedAt => "attached_at",
                LicenseSortField.RevokedAt => "revoked_at",
                _ => throw new ArgumentOutOfRangeException(nameof(query), field, "Unknown sort field."),
            });
        }

        if (query.SortDirection is { } direction)
        {
            Append(builder, "sort_direction", direction switch
            {
                SortDirection.Ascending => "asc",
                SortDirection.Descending => "desc",
                _ => throw new ArgumentOutOfRangeException(nameof(query), direction, "Unknown sort direction."),
            });
        }

        Append(builder, "page", query.Page.ToString(CultureInfo.InvariantCulture));
        Append(builder, "per_page", query.PerPage.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, string value)
    {
        if (builder[^1] != '?')
        {
            builder.Append('&');
        }

        builder.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
