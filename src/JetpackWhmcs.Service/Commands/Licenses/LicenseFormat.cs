using System.Globalization;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using Spectre.Console;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>How ledger rows are shown: a table for people, JSON for scripts.</summary>
public static class LicenseFormat
{
    /// <summary>The owner of a row as people read it.</summary>
    public static string Owner(LicenseRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.AddonId is { } addon ? $"addon {addon} (service {row.ServiceId})"
            : row.ServiceId is { } service ? $"service {service}"
            : $"legacy order {row.OrderId} / pid {row.ProductId}";
    }

    /// <summary>A table of rows.</summary>
    public static Table Table(IEnumerable<LicenseRecord> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("id", "owner", "product", "state", "licence key", "site", "issued (UTC)", "revoked (UTC)");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Id.ToString(CultureInfo.InvariantCulture)),
                Markup.Escape(Owner(row)),
                Markup.Escape(row.ProductSlug ?? "?"),
                State(row.State),
                Markup.Escape(row.LicenseKey),
                Markup.Escape(row.AttachedSite ?? ""),
                Markup.Escape(Time(row.IssuedAt)),
                Markup.Escape(row.RevokedAt is { } r ? Time(r) : ""));
        }

        return table;
    }

    /// <summary>One row as JSON (no secret: the fingerprint is one-way).</summary>
    public static JsonObject Json(LicenseRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new JsonObject
        {
            ["id"] = row.Id,
            ["service_id"] = row.ServiceId,
            ["addon_id"] = row.AddonId,
            ["order_id"] = row.OrderId,
            ["product_id"] = row.ProductId,
            ["product_slug"] = row.ProductSlug,
            ["state"] = row.State.ToString().ToLowerInvariant(),
            ["license_key"] = row.LicenseKey,
            ["jetpack_license_id"] = row.JetpackLicenseId,
            ["token_fingerprint"] = row.TokenFingerprint,
            ["attached_site"] = row.AttachedSite,
            ["attached_at"] = row.AttachedAt is { } a ? Time(a) : null,
            ["suspended_site"] = row.SuspendedSite,
            ["issued_at"] = Time(row.IssuedAt),
            ["revoked_at"] = row.RevokedAt is { } r ? Time(r) : null,
            ["last_error"] = row.LastError,
        };
    }

    /// <summary>A state with colour.</summary>
    public static string State(LicenseState state) => state switch
    {
        LicenseState.Active => "[green]active[/]",
        LicenseState.Pending => "[yellow]pending[/]",
        _ => "[grey]revoked[/]",
    };

    /// <summary>A UTC time as the API writes it.</summary>
    public static string Time(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
