using System.Globalization;
using JetpackWhmcs.Ledger.Tests;
using JetpackWhmcs.Whmcs.Catalog;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Whmcs.Tests;

public sealed class CatalogTests
{
    private static readonly ModuleSetting[] Settings =
    [
        new("API Token", "new-partner-token"),
        new("Jetpack Product", "jetpack-backup-daily"),
        new("Show User License", "off"),
        new("Suspension Policy", "keep"),
        new("Attach On Create", ""),
        new("Detach Emails Site Owner", ""),
    ];

    [Fact]
    public async Task A_product_is_created_hidden_in_the_jetpack_group_with_every_setting_in_its_column()
    {
        await using var database = await WhmcsAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        var created = await whmcs.CreateJetpackProductAsync(new NewJetpackProduct(ModuleEntity.Product, "Jetpack Backup Daily", "Backups & <b>scans</b>", Settings));

        Assert.True(created.IsAvailable);
        var group = Assert.Single(await database.QueryRowsAsync("SELECT id, name, headline, hidden FROM tblproductgroups"));
        Assert.Equal(("Jetpack", "Jetpack Products", true), ((string)group["name"]!, (string)group["headline"]!, Convert.ToBoolean(group["hidden"], CultureInfo.InvariantCulture)));
        var product = Assert.Single(await database.QueryRowsAsync("SELECT * FROM tblproducts WHERE id = @Id", new { Id = created.Value }));
        Assert.Equal(Convert.ToInt64(group["id"], CultureInfo.InvariantCulture), Convert.ToInt64(product["gid"], CultureInfo.InvariantCulture));
        Assert.Equal("other", product["type"]);
        Assert.Equal("jetpack", product["servertype"]);
        Assert.True(Convert.ToBoolean(product["hidden"], CultureInfo.InvariantCulture));
        Assert.Equal("Jetpack Backup Daily", product["name"]);
        Assert.Equal("Backups & <b>scans</b>", product["description"]);
        Assert.Equal(Settings.Select(s => s.Value), Enumerable.Range(1, 6).Select(i => (string)product[$"configoption{i}"]!));
        Assert.Equal("", product["configoption7"]);
        Assert.NotNull(product["created_at"]);
    }

    [Fact]
    public async Task An_addon_is_created_hidden_with_its_settings_in_module_configuration_by_name()
    {
        await using var database = await WhmcsAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        var created = await whmcs.CreateJetpackProductAsync(new NewJetpackProduct(ModuleEntity.Addon, "Jetpack Scan", "Malware scanning", Settings));

        var addon = Assert.Single(await database.QueryRowsAsync("SELECT * FROM tbladdons"));
        Assert.Equal(created.Value, Convert.ToInt64(addon["id"], CultureInfo.InvariantCulture));
        Assert.Equal(("Jetpack Scan", "Malware scanning", "other", "jetpack", true), ((string)addon["name"]!, (string)addon["description"]!, (string)addon["type"]!, (string)addon["module"]!, Convert.ToBoolean(addon["hidden"], CultureInfo.InvariantCulture)));
        var settings = await database.QueryAsync<(string Type, long Entity, string Setting, string Friendly, string Value)>(
            "SELECT entity_type, entity_id, setting_name, friendly_name, value FROM tblmodule_configuration ORDER BY id");
        Assert.Equal(
            Settings.Select((s, i) => ("addon", created.Value, $"configoption{i + 1}", s.FriendlyName, s.Value)),
            settings);
        Assert.Empty(await database.QueryRowsAsync("SELECT id FROM tblproducts"));
    }

    [Fact]
    public async Task The_listing_holds_jetpack_products_and_addons_only_with_their_settings()
    {
        await using var database = await WhmcsAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);
        var productId = (await whmcs.CreateJetpackProductAsync(new NewJetpackProduct(ModuleEntity.Product, "Backup", "", Settings))).Value;
        var addonId = (await whmcs.CreateJetpackProductAsync(new NewJetpackProduct(ModuleEntity.Addon, "Scan", "", [Settings[0], new("Jetpack Product", "jetpack-scan"), new("Show User License", "on")]))).Value;
        await WhmcsSchema.AddProductAsync(database, "cpanel", "not-ours");
        await WhmcsSchema.AddAddonAsync(database, 99, "other", "not-ours");

        var catalog = (await whmcs.ReadJetpackCatalogAsync()).Value;

        Assert.Equal(
            [
                new JetpackCatalogItem(ModuleEntity.Product, productId, "Backup", "jetpack-backup-daily", "new-partner-token", "off", true, false),
                new JetpackCatalogItem(ModuleEntity.Addon, addonId, "Scan", "jetpack-scan", "new-partner-token", "on", true, false),
            ],
            catalog.Select(c => c with { Settings = [] }));
        Assert.Equal([.. Settings.Select(s => s.Value), .. Enumerable.Repeat("", 18)], catalog[0].Settings);
        Assert.Equal(["new-partner-token", "jetpack-scan", "on", .. Enumerable.Repeat("", 21)], catalog[1].Settings);
        Assert.DoesNotContain("new-partner-token", catalog[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_product_group_is_made_once_however_many_activations_run_at_once()
    {
        await using var database = await WhmcsAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        var groups = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => whmcs.EnsureProductGroupAsync()));
        var again = await whmcs.EnsureProductGroupAsync();

        Assert.Equal(1, groups.Count(g => g.Value!.Created));
        Assert.False(again.Value!.Created);
        Assert.Single(groups.Select(g => g.Value!.Id).Append(again.Value.Id).Distinct());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM tblproductgroups"));
    }

    [Fact]
    public async Task A_new_token_goes_into_every_jetpack_product_addon_and_the_addon_setting_and_nowhere_else()
    {
        await using var database = await WhmcsAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);
        await WhmcsSchema.AddProductAsync(database, "jetpack", "old-token");
        await WhmcsSchema.AddProductAsync(database, "jetpack", "other-old-token");
        await WhmcsSchema.AddProductAsync(database, "cpanel", "cpanel-setting");
        await WhmcsSchema.AddAddonAsync(database, 5, "jetpack", "old-token");
        await WhmcsSchema.AddAddonAsync(database, 6, "other", "other-module");
        await database.ExecuteAsync("INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', 'api_token', 'old-token'), ('jetpack', 'access', '1'), ('other', 'api_token', 'theirs')");

        var rotation = await whmcs.ReplaceTokenAsync(" fresh-token ");

        Assert.Equal(new TokenRotation(2, 1, true), rotation.Value);
        Assert.Equal(["fresh-token", "fresh-token", "cpanel-setting"], await database.QueryAsync<string>("SELECT configoption1 FROM tblproducts ORDER BY id"));
        Assert.Equal(["fresh-token", "other-module"], await database.QueryAsync<string>("SELECT value FROM tblmodule_configuration WHERE setting_name = 'configoption1' ORDER BY entity_id"));
        Assert.Equal(["fresh-token", "1", "theirs"], await database.QueryAsync<string>("SELECT value FROM tbladdonmodules ORDER BY id"));
    }

    [Fact]
    public async Task The_addon_setting_is_written_when_it_was_never_saved()
    {
        await using var database = await WhmcsAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        await whmcs.ReplaceTokenAsync("fresh-token");

        Assert.Equal("fresh-token", await database.ScalarAsync<string>("SELECT value FROM tbladdonmodules WHERE module = 'jetpack' AND setting = 'api_token'"));
    }

    [Fact]
    public async Task A_token_replacement_that_fails_on_its_last_write_changes_nothing()
    {
        await using var database = await WhmcsAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);
        await WhmcsSchema.AddProductAsync(database, "jetpack", "old-token");
        await WhmcsSchema.AddAddonAsync(database, 5, "jetpack", "old-token");
        await database.ExecuteAsync("INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', 'api_token', 'old-token')");
        // The products and the addons are written by then; the database refuses the last write.
        await database.ExecuteAsync("CREATE TRIGGER refuse_setting BEFORE UPDATE ON tbladdonmodules FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'");

        await Assert.ThrowsAsync<MySqlConnector.MySqlException>(() => whmcs.ReplaceTokenAsync("fresh-token"));

        Assert.Equal(["old-token"], await database.QueryAsync<string>("SELECT configoption1 FROM tblproducts"));
        Assert.Equal(["old-token"], await database.QueryAsync<string>("SELECT value FROM tblmodule_configuration WHERE setting_name = 'configoption1'"));
        Assert.Equal(["old-token"], await database.QueryAsync<string>("SELECT value FROM tbladdonmodules"));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_written()
    {
        await using var database = await WhmcsAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => whmcs.ReplaceTokenAsync("  "));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => whmcs.CreateJetpackProductAsync(new NewJetpackProduct(ModuleEntity.Product, " ", "", Settings)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => whmcs.CreateJetpackProductAsync(new NewJetpackProduct(ModuleEntity.Product, "X", "", [.. Enumerable.Repeat(Settings[0], 25)])));

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT (SELECT COUNT(*) FROM tblproducts) + (SELECT COUNT(*) FROM tbladdonmodules) + (SELECT COUNT(*) FROM tblproductgroups)"));
    }

    private static async Task<TestDatabase> WhmcsAsync()
    {
        var database = await TestDatabases.CreateMariaDbAsync(migrate: false);
        await WhmcsSchema.CreateOperatorTablesAsync(database);
        return database;
    }
}
