using JetpackWhmcs.Ledger.Tests;

namespace JetpackWhmcs.Whmcs.Tests;

/// <summary>
/// WHMCS's tables as the tests need them: the columns jetpack-whmcs uses, restated from WHMCS's schema
/// (types as WHMCS declares them), not WHMCS's full DDL. Pages that read more tables add them here.
/// </summary>
public static partial class WhmcsSchema
{
    public static readonly string Products =
        "CREATE TABLE tblproducts (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, gid int(10) NOT NULL DEFAULT 0, " +
        "type text NOT NULL, name text NOT NULL, description text NOT NULL, hidden tinyint(1) NOT NULL DEFAULT 0, " +
        "servertype text NOT NULL, configoption1 text NOT NULL, configoption2 text NOT NULL, configoption3 text NOT NULL, " +
        // 4..24 with a default so the fixture's three-setting inserts stay short; what we create writes them all.
        string.Concat(Enumerable.Range(4, 21).Select(i => $"configoption{i} text NOT NULL DEFAULT '', ")) +
        "paytype text NOT NULL, retired tinyint(1) NOT NULL DEFAULT 0, created_at timestamp NULL, updated_at timestamp NULL)";

    public const string Addons =
        "CREATE TABLE tbladdons (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, packages text NOT NULL, name text NOT NULL, " +
        "description text NOT NULL, billingcycle text NOT NULL, type text NOT NULL, module text NOT NULL, " +
        "hidden tinyint(1) NOT NULL DEFAULT 0, retired tinyint(1) NOT NULL DEFAULT 0, created_at timestamp NULL, updated_at timestamp NULL)";

    public const string ModuleConfiguration =
        "CREATE TABLE tblmodule_configuration (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, entity_type varchar(8) NOT NULL, " +
        "entity_id int(10) unsigned NOT NULL, setting_name varchar(16) NOT NULL, friendly_name varchar(64) NOT NULL, value text NOT NULL, " +
        "created_at timestamp NULL, updated_at timestamp NULL)";

    // One definition of each WHMCS table for every suite: the union of the columns the service reads, with
    // defaults where WHMCS has none so each fixture's insert names only what its test is about.
    public const string Clients =
        "CREATE TABLE IF NOT EXISTS tblclients (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, firstname text NOT NULL, lastname text NOT NULL, " +
        "companyname text NOT NULL, email text NOT NULL, language text NOT NULL DEFAULT '', currency int(10) NOT NULL DEFAULT 1, " +
        "status enum('Active','Inactive','Closed') NOT NULL DEFAULT 'Active', " +
        "KEY firstname_lastname (firstname(32), lastname(32)), KEY email (email(64)))";

    public const string Services =
        "CREATE TABLE IF NOT EXISTS tblhosting (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, userid int(10) NOT NULL, orderid int(10) NOT NULL DEFAULT 0, " +
        "packageid int(10) NOT NULL DEFAULT 0, domain text NOT NULL, " +
        "domainstatus enum('Pending','Active','Suspended','Terminated','Cancelled','Fraud','Completed') NOT NULL DEFAULT 'Pending', " +
        "billingcycle text NOT NULL DEFAULT 'Monthly', amount decimal(16,2) NOT NULL DEFAULT 0, nextduedate date NULL, " +
        "KEY userid (userid), KEY packageid (packageid))";

    /// <summary>Creates the client and service tables the licence list reads.</summary>
    public static async Task CreateClientTablesAsync(TestDatabase database)
    {
        foreach (var table in new[] { Clients, Services })
        {
            await database.ExecuteAsync(table);
        }
    }

    /// <summary>A client with one service; returns nothing (the ids are given).</summary>
    public static async Task AddClientServiceAsync(TestDatabase database, long clientId, string firstName, string lastName, string email, long serviceId, string domain, string company = "")
    {
        await database.ExecuteAsync(
            "INSERT IGNORE INTO tblclients (id, firstname, lastname, companyname, email) VALUES (@ClientId, @FirstName, @LastName, @Company, @Email)",
            new { ClientId = clientId, FirstName = firstName, LastName = lastName, Company = company, Email = email });
        await database.ExecuteAsync(
            "INSERT INTO tblhosting (id, userid, domain, domainstatus) VALUES (@ServiceId, @ClientId, @Domain, 'Active')",
            new { ServiceId = serviceId, ClientId = clientId, Domain = domain });
    }

    /// <summary>Creates the tables the client area reads (services, addons on them, clients, prices, currencies, addon settings): the operator's set.</summary>
    public static Task CreateClientAreaAsync(TestDatabase database) => CreateOperatorTablesAsync(database);

    /// <summary>Creates the three tables the token reads use.</summary>
    public static async Task CreateAsync(TestDatabase database)
    {
        foreach (var table in new[] { Products, Addons, ModuleConfiguration })
        {
            await database.ExecuteAsync(table);
        }
    }

    /// <summary>A product row with the module's three settings.</summary>
    public static Task<int> AddProductAsync(TestDatabase database, string module, string token, string product = "jetpack-backup-daily") =>
        database.ExecuteAsync(
            "INSERT INTO tblproducts (type, name, description, servertype, configoption1, configoption2, configoption3, paytype) " +
            "VALUES ('other', 'A product', '', @Module, @Token, @Product, '', 'recurring')",
            new { Module = module, Token = token, Product = product });

    /// <summary>An addon row and its three module settings.</summary>
    public static async Task AddAddonAsync(TestDatabase database, long id, string module, string token, string product = "jetpack-scan")
    {
        await database.ExecuteAsync(
            "INSERT INTO tbladdons (id, packages, name, description, billingcycle, type, module) VALUES (@Id, '', 'An addon', '', 'Monthly', 'other', @Module)",
            new { Id = id, Module = module });
        await database.ExecuteAsync(
            "INSERT INTO tblmodule_configuration (entity_type, entity_id, setting_name, friendly_name, value) VALUES " +
            "('addon', @Id, 'configoption1', 'API Token', @Token), ('addon', @Id, 'configoption2', 'Product', @Product), ('addon', @Id, 'configoption3', 'Show licence', '')",
            new { Id = id, Token = token, Product = product });
    }
}
