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
