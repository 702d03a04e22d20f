using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>
/// The SQL that reads Jetpack services and service addons, alone and beside the licence ledger (which
/// lives in WHMCS's database whenever WHMCS's tables are available).
/// </summary>
internal static class ServiceStatements
{
    private const string L = LedgerSchema.LicensesTable;

    public static readonly string[] Tables = [WhmcsTables.Products, WhmcsTables.Addons, WhmcsTables.Services, WhmcsTables.ServiceAddons, WhmcsTables.Clients, L];

    /// <summary>A row the ledger counts as a live licence: ours active, or the original module's not revoked.</summary>
    private const string LiveLicense = "(l.state = 'active' OR (l.state IS NULL AND l.revoked_at IS NULL))";

    private const string ServiceColumns =
        "'service' AS Kind, h.id AS Id, h.id AS ServiceId, h.orderid AS OrderId, h.packageid AS ProductId, h.packageid AS CatalogId, " +
        "h.userid AS ClientId, h.domainstatus AS Status, h.domain AS Domain";

    private const string AddonColumns =
        "'addon' AS Kind, ha.id AS Id, ha.hostingid AS ServiceId, ha.orderid AS OrderId, h.packageid AS ProductId, ha.addonid AS CatalogId, " +
        "h.userid AS ClientId, ha.status AS Status, h.domain AS Domain";

    private const string JetpackServices =
        $"FROM {WhmcsTables.Services} h JOIN {WhmcsTables.Products} p ON p.id = h.packageid AND p.servertype = @Module";

    private const string JetpackAddons =
        $"FROM {WhmcsTables.ServiceAddons} ha JOIN {WhmcsTables.Addons} a ON a.id = ha.addonid AND a.module = @Module JOIN {WhmcsTables.Services} h ON h.id = ha.hostingid";

    public const string ServiceStatuses = $"SELECT h.id AS Id, h.domainstatus AS Status FROM {WhmcsTables.Services} h WHERE h.id IN @Ids";

    public const string AddonStatuses = $"SELECT ha.id AS Id, ha.status AS Status FROM {WhmcsTables.ServiceAddons} ha WHERE ha.id IN @Ids";

    public const string ActiveServiceCounts =
        $"SELECT 'product' AS Kind, h.packageid AS Id, c.currency AS CurrencyId, h.billingcycle AS BillingCycle, COUNT(*) AS Count {JetpackServices} " +
        $"JOIN {WhmcsTables.Clients} c ON c.id = h.userid WHERE h.domainstatus = 'Active' GROUP BY h.packageid, c.currency, h.billingcycle " +
        "UNION ALL " +
        $"SELECT 'addon' AS Kind, ha.addonid AS Id, c.currency AS CurrencyId, ha.billingcycle AS BillingCycle, COUNT(*) AS Count {JetpackAddons} " +
        $"JOIN {WhmcsTables.Clients} c ON c.id = h.userid WHERE ha.status = 'Active' GROUP BY ha.addonid, c.currency, ha.billingcycle";

    // Only rows that name the service or addon: an original-module row (order, product) cannot tell a
    // service from an addon of the same order, and a fix that revokes must not guess.
    public const string EndedWithLiveLicense =
        $"SELECT {ServiceColumns}, l.id AS LicenseRowId, l.license_key AS LicenseKey, l.token_fingerprint AS TokenFingerprint {JetpackServices} " +
        $"JOIN {L} l ON l.service_id = h.id AND l.addon_id IS NULL AND {LiveLicense} WHERE h.domainstatus IN ('Terminated', 'Cancelled') " +
        "UNION ALL " +
        $"SELECT {AddonColumns}, l.id AS LicenseRowId, l.license_key AS LicenseKey, l.token_fingerprint AS TokenFingerprint {JetpackAddons} " +
        $"JOIN {L} l ON l.addon_id = ha.id AND {LiveLicense} WHERE ha.status IN ('Terminated', 'Cancelled') " +
        "ORDER BY LicenseRowId";

    // A pending claim counts as a licence on its way (it is a finding of its own); an unclaimed row of
    // the original module for the same (order, product) counts too, since the next create adopts it.
    private static string NoLicense(string owns, string orderId) =>
        $"NOT EXISTS (SELECT 1 FROM {L} l WHERE {owns} AND (l.state IN ('active', 'pending') OR (l.state IS NULL AND l.revoked_at IS NULL))) " +
        $"AND NOT EXISTS (SELECT 1 FROM {L} l WHERE l.service_id IS NULL AND l.addon_id IS NULL AND l.state IS NULL AND l.revoked_at IS NULL " +
        $"AND l.order_id = {orderId} AND l.product_id = h.packageid)";

    public static readonly string ActiveWithoutLicense =
        $"SELECT {ServiceColumns} {JetpackServices} WHERE h.domainstatus = 'Active' AND {NoLicense("l.service_id = h.id AND l.addon_id IS NULL", "h.orderid")} " +
        $"UNION ALL SELECT {AddonColumns} {JetpackAddons} WHERE ha.status = 'Active' AND {NoLicense("l.addon_id = ha.id", "ha.orderid")} " +
        "ORDER BY Kind DESC, Id";
}
