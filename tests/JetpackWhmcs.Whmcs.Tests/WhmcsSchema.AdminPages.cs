using JetpackWhmcs.Ledger.Tests;

namespace JetpackWhmcs.Whmcs.Tests;

/// <summary>
/// The rest of WHMCS's tables the admin pages and the client area read and write (columns as in
/// ../shared/docs/whmcs-addons-and-hooks.md, types as WHMCS declares them). WHMCS runs without strict
/// SQL mode, where an omitted text column becomes ''; the test MariaDB is strict, so the columns a
/// writer may omit default to ''.
/// </summary>
public static partial class WhmcsSchema
{
    public const string Clients =
        "CREATE TABLE tblclients (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, firstname text NOT NULL, lastname text NOT NULL, " +
        "companyname text NOT NULL DEFAULT '', email text NOT NULL, language text NOT NULL DEFAULT '', currency int(10) NOT NULL DEFAULT 1, " +
        "status enum('Active','Inactive','Closed') NOT NULL DEFAULT 'Active', KEY email (email(64)))";

    public const string Hosting =
        "CREATE TABLE tblhosting (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, userid int(10) NOT NULL, orderid int(10) NOT NULL, " +
        "packageid int(10) NOT NULL, domain text NOT NULL, " +
        "domainstatus enum('Pending','Active','Suspended','Terminated','Cancelled','Fraud','Completed') NOT NULL DEFAULT 'Pending', " +
        "billingcycle text NOT NULL, amount decimal(16,2) NOT NULL DEFAULT 0.00, nextduedate date NULL, KEY userid (userid), KEY packageid (packageid))";

    public const string HostingAddons =
        "CREATE TABLE tblhostingaddons (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, orderid int(10) NOT NULL, hostingid int(10) NOT NULL, " +
        "addonid int(10) NOT NULL, status enum('Pending','Active','Suspended','Terminated','Cancelled','Fraud','Completed') NOT NULL DEFAULT 'Pending', " +
        "billingcycle text NOT NULL, recurring decimal(16,2) NOT NULL DEFAULT 0.00, nextduedate date NULL, KEY hostingid (hostingid), KEY addonid (addonid))";

    public const string ProductGroups =
        "CREATE TABLE tblproductgroups (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name text NOT NULL, headline text NULL, " +
        "tagline text NULL, hidden tinyint(1) NOT NULL DEFAULT 0, `order` int(1) NOT NULL DEFAULT 0, created_at timestamp NULL, updated_at timestamp NULL)";

    public const string AddonModules =
        "CREATE TABLE tbladdonmodules (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, module text NOT NULL, setting text NOT NULL, value text NOT NULL)";

    public const string Pricing =
        "CREATE TABLE tblpricing (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, type enum('product','addon','configoptions','domainregister','domaintransfer','domainrenew','domainaddons','usage') NOT NULL, " +
        "currency int(10) NOT NULL, relid int(10) NOT NULL, msetupfee decimal(16,2) NOT NULL DEFAULT 0.00, qsetupfee decimal(16,2) NOT NULL DEFAULT 0.00, " +
        "ssetupfee decimal(16,2) NOT NULL DEFAULT 0.00, asetupfee decimal(16,2) NOT NULL DEFAULT 0.00, bsetupfee decimal(16,2) NOT NULL DEFAULT 0.00, " +
        "tsetupfee decimal(16,2) NOT NULL DEFAULT 0.00, monthly decimal(16,2) NOT NULL DEFAULT -1.00, quarterly decimal(16,2) NOT NULL DEFAULT -1.00, " +
        "semiannually decimal(16,2) NOT NULL DEFAULT -1.00, annually decimal(16,2) NOT NULL DEFAULT -1.00, biennially decimal(16,2) NOT NULL DEFAULT -1.00, " +
        "triennially decimal(16,2) NOT NULL DEFAULT -1.00, KEY relid (type, relid))";

    public const string Currencies =
        "CREATE TABLE tblcurrencies (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, code text NOT NULL, prefix text NOT NULL, suffix text NOT NULL, " +
        "format int(1) NOT NULL DEFAULT 1, rate decimal(10,5) NOT NULL DEFAULT 1.00000, `default` int(1) NOT NULL DEFAULT 0)";

    /// <summary>configoption4 … configoption24 of tblproducts (our settings come after the original's three).</summary>
    public static readonly string MoreProductOptions =
        "ALTER TABLE tblproducts " + string.Join(", ", Enumerable.Range(4, 21).Select(i => $"ADD COLUMN configoption{i} text NOT NULL DEFAULT ''"));

    /// <summary>Every WHMCS table the admin pages and the client area use, on a fresh database.</summary>
    public static async Task CreateAllAsync(TestDatabase database)
    {
        await CreateAsync(database);
        foreach (var statement in new[] { MoreProductOptions, Clients, Hosting, HostingAddons, ProductGroups, AddonModules, Pricing, Currencies })
        {
            await database.ExecuteAsync(statement);
        }
    }
}
