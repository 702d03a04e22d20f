using JetpackWhmcs.Ledger.Tests;

namespace JetpackWhmcs.Whmcs.Tests;

/// <summary>
/// The WHMCS tables the operator's pages read and write (product groups, the addon module's settings,
/// prices, currencies, clients, services, service addons and the admins whose role the widget checks), restated from WHMCS's schema with the
/// columns we use, and helpers that seed them.
/// </summary>
public static partial class WhmcsSchema
{
    public const string ProductGroups =
        "CREATE TABLE IF NOT EXISTS tblproductgroups (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name text NOT NULL, " +
        "headline text NOT NULL, tagline text NOT NULL, hidden tinyint(1) NOT NULL DEFAULT 0, `order` int(10) NOT NULL DEFAULT 0, " +
        "created_at timestamp NULL, updated_at timestamp NULL)";

    public const string AddonModules =
        "CREATE TABLE IF NOT EXISTS tbladdonmodules (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, module text NOT NULL, " +
        "setting text NOT NULL, value text NOT NULL)";

    public const string Pricing =
        "CREATE TABLE IF NOT EXISTS tblpricing (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, type enum('product','addon','configoptions','domainregister','domaintransfer','domainrenew','domainaddons','usage') NOT NULL, " +
        "currency int(10) NOT NULL, relid int(10) NOT NULL, msetupfee decimal(16,2) NOT NULL DEFAULT 0, qsetupfee decimal(16,2) NOT NULL DEFAULT 0, " +
        "ssetupfee decimal(16,2) NOT NULL DEFAULT 0, asetupfee decimal(16,2) NOT NULL DEFAULT 0, bsetupfee decimal(16,2) NOT NULL DEFAULT 0, " +
        "tsetupfee decimal(16,2) NOT NULL DEFAULT 0, monthly decimal(16,2) NOT NULL, quarterly decimal(16,2) NOT NULL, semiannually decimal(16,2) NOT NULL, " +
        "annually decimal(16,2) NOT NULL, biennially decimal(16,2) NOT NULL, triennially decimal(16,2) NOT NULL)";

    public const string Currencies =
        "CREATE TABLE IF NOT EXISTS tblcurrencies (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, code text NOT NULL, prefix text NOT NULL, " +
        "suffix text NOT NULL, format int(1) NOT NULL DEFAULT 1, rate decimal(10,5) NOT NULL DEFAULT 1.00000, `default` int(1) NOT NULL DEFAULT 0)";

    public const string HostingAddons =
        "CREATE TABLE IF NOT EXISTS tblhostingaddons (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, orderid int(10) NOT NULL, hostingid int(10) NOT NULL, " +
        "addonid int(10) NOT NULL, status enum('Pending','Active','Suspended','Terminated','Cancelled','Fraud','Completed') NOT NULL DEFAULT 'Pending', " +
        "billingcycle text NOT NULL, recurring decimal(16,2) NOT NULL DEFAULT 0, nextduedate date NULL, KEY hostingid (hostingid))";

    // WHMCS declares many more columns (password hash, name, e-mail, ...); the widget's access check reads the role only.
    public const string Admins =
        "CREATE TABLE IF NOT EXISTS tbladmins (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, roleid int(1) NOT NULL, username text NOT NULL)";

    /// <summary>Creates every table the token reads and the operator's pages use.</summary>
    public static async Task CreateOperatorTablesAsync(TestDatabase database)
    {
        await CreateAsync(database);
        foreach (var table in new[] { ProductGroups, AddonModules, Pricing, Currencies, Clients, Services, HostingAddons, Admins })
        {
            await database.ExecuteAsync(table);
        }
    }

    /// <summary>A currency; returns its id.</summary>
    public static Task<long> AddCurrencyAsync(TestDatabase database, string code, decimal rate, bool isDefault) =>
        InsertAsync(database, "INSERT INTO tblcurrencies (code, prefix, suffix, rate, `default`) VALUES (@Code, '', @Suffix, @Rate, @Default)",
            new { Code = code, Suffix = " " + code, Rate = rate, Default = isDefault ? 1 : 0 });

    /// <summary>A <c>tblpricing</c> row (-1 = cycle not offered).</summary>
    public static Task<long> AddPricingAsync(TestDatabase database, string type, long relid, long currency, decimal monthly, decimal quarterly = -1, decimal semiannually = -1, decimal annually = -1, decimal biennially = -1, decimal triennially = -1) =>
        InsertAsync(database,
            "INSERT INTO tblpricing (type, currency, relid, monthly, quarterly, semiannually, annually, biennially, triennially) VALUES (@Type, @Currency, @Relid, @Monthly, @Quarterly, @Semiannually, @Annually, @Biennially, @Triennially)",
            new { Type = type, Currency = currency, Relid = relid, Monthly = monthly, Quarterly = quarterly, Semiannually = semiannually, Annually = annually, Biennially = biennially, Triennially = triennially });

    /// <summary>A client paying in <paramref name="currency"/>; returns its id.</summary>
    public static Task<long> AddClientAsync(TestDatabase database, long currency, string firstName = "Ada", string email = "ada@example.com") =>
        InsertAsync(database, "INSERT INTO tblclients (firstname, lastname, companyname, email, language, currency) VALUES (@First, 'Lovelace', '', @Email, '', @Currency)",
            new { First = firstName, Email = email, Currency = currency });

    /// <summary>A service of product <paramref name="packageId"/>; returns its id.</summary>
    public static Task<long> AddServiceAsync(TestDatabase database, long clientId, long orderId, long packageId, string status, string cycle = "Monthly", string domain = "example.com") =>
        InsertAsync(database, "INSERT INTO tblhosting (userid, orderid, packageid, domain, domainstatus, billingcycle) VALUES (@Client, @Order, @Package, @Domain, @Status, @Cycle)",
            new { Client = clientId, Order = orderId, Package = packageId, Domain = domain, Status = status, Cycle = cycle });

    /// <summary>An addon <paramref name="addonId"/> on service <paramref name="serviceId"/>; returns its id.</summary>
    public static Task<long> AddServiceAddonAsync(TestDatabase database, long serviceId, long orderId, long addonId, string status, string cycle = "Monthly") =>
        InsertAsync(database, "INSERT INTO tblhostingaddons (orderid, hostingid, addonid, status, billingcycle) VALUES (@Order, @Service, @Addon, @Status, @Cycle)",
            new { Order = orderId, Service = serviceId, Addon = addonId, Status = status, Cycle = cycle });

    /// <summary>An admin <paramref name="id"/> in role <paramref name="roleId"/> (WHMCS's own: 1 Full Administrator, 2 Sales Operator, 3 Support Operator).</summary>
    public static Task<int> AddAdminAsync(TestDatabase database, long id, long roleId, string username) =>
        database.ExecuteAsync("INSERT INTO tbladmins (id, roleid, username) VALUES (@Id, @RoleId, @Username)", new { Id = id, RoleId = roleId, Username = username });

    private static async Task<long> InsertAsync(TestDatabase database, string sql, object parameters) =>
        await database.ScalarAsync<long>(sql + "; SELECT LAST_INSERT_ID()", parameters);
}
