namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>The SQL the client area reads from WHMCS's tables (services, addons, prices, the addon module's settings).</summary>
internal static class ClientAreaStatements
{
    /// <summary>The tables the service and addon reads need.</summary>
    public static readonly string[] ServiceTables = [WhmcsTables.Services, WhmcsTables.ServiceAddons];

    /// <summary>The tables the upsell reads need.</summary>
    public static readonly string[] UpsellTables =
    [
        WhmcsTables.Services, WhmcsTables.ServiceAddons, WhmcsTables.Clients, WhmcsTables.Products, WhmcsTables.Addons,
        WhmcsTables.Pricing, WhmcsTables.Currencies,
    ];

    /// <summary>The table of addon modules' settings.</summary>
    public static readonly string[] SettingsTables = [WhmcsTables.AddonModules];

    // Ids are cast to BIGINT: WHMCS declares them unsigned int, and the records take long.
    public const string Service =
        $"SELECT CAST(id AS SIGNED) AS ServiceId, CAST(userid AS SIGNED) AS UserId, domain AS Domain, domainstatus AS Status FROM {WhmcsTables.Services} WHERE id = @Id";

    public const string Addon =
        $"SELECT CAST(id AS SIGNED) AS AddonId, CAST(hostingid AS SIGNED) AS ServiceId, status AS Status FROM {WhmcsTables.ServiceAddons} WHERE id = @Id";

    public const string ActiveDomains =
        $"SELECT domain FROM {WhmcsTables.Services} WHERE userid = @UserId AND domainstatus = 'Active' AND domain <> '' ORDER BY id";

    public const string Settings =
        $"SELECT setting AS Setting, value AS Value FROM {WhmcsTables.AddonModules} WHERE module = @Module";

    /// <summary>
    /// For each active service of the client (or the one asked for) whose product is not itself a Jetpack
    /// product and which has no live Jetpack addon: the Jetpack addons WHMCS offers for its product
    /// (<c>tbladdons.packages</c>), with every cycle's price in the client's currency (the default currency
    /// when the client has none). The cycle is chosen in code; <c>-1.00</c> means "not offered".
    /// </summary>
    public const string Offers =
        "SELECT h.id AS ServiceId, h.domain AS ServiceDomain, p.name AS ProductName, a.id AS AddonId, a.name AS AddonName, " +
        "a.billingcycle AS BillingCycle, pr.monthly AS Monthly, pr.quarterly AS Quarterly, pr.semiannually AS SemiAnnually, " +
        "pr.annually AS Annually, pr.biennially AS Biennially, pr.triennially AS Triennially, " +
        "cur.code AS CurrencyCode, cur.prefix AS CurrencyPrefix, cur.suffix AS CurrencySuffix, cur.format AS CurrencyFormat " +
        $"FROM {WhmcsTables.Services} h " +
        $"JOIN {WhmcsTables.Clients} c ON c.id = h.userid " +
        $"JOIN {WhmcsTables.Products} p ON p.id = h.packageid " +
        $"JOIN {WhmcsTables.Addons} a ON a.module = @Module AND a.retired = 0 AND FIND_IN_SET(h.packageid, REPLACE(a.packages, ' ', '')) > 0 " +
        $"JOIN {WhmcsTables.Currencies} cur ON cur.id = CASE WHEN c.currency > 0 THEN c.currency " +
        $"ELSE (SELECT MIN(d.id) FROM {WhmcsTables.Currencies} d WHERE d.`default` = 1) END " +
        $"JOIN {WhmcsTables.Pricing} pr ON pr.type = 'addon' AND pr.relid = a.id AND pr.currency = cur.id " +
        "WHERE h.userid = @UserId AND h.domainstatus = 'Active' AND (@ServiceId = 0 OR h.id = @ServiceId) AND p.servertype <> @Module " +
        $"AND NOT EXISTS (SELECT 1 FROM {WhmcsTables.ServiceAddons} ha JOIN {WhmcsTables.Addons} ja ON ja.id = ha.addonid " +
        "WHERE ha.hostingid = h.id AND ja.module = @Module AND ha.status IN ('Pending', 'Active', 'Suspended')) " +
        "ORDER BY h.id, a.id";
}
