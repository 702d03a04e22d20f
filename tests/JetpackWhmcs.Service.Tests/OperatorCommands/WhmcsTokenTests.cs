using JetpackWhmcs.Service.Commands.Reconcile;
using JetpackWhmcs.Service.Tests.Support;
using JetpackWhmcs.Service.Tokens;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

public sealed class WhmcsTokenTests
{
    private static async Task CreateWhmcsTablesAsync(TestMariaDb mariadb)
    {
        await mariadb.ExecuteAsync("CREATE TABLE tblproducts (id INT PRIMARY KEY AUTO_INCREMENT, servertype VARCHAR(64), configoption1 TEXT)");
        await mariadb.ExecuteAsync("CREATE TABLE tbladdons (id INT PRIMARY KEY AUTO_INCREMENT, module VARCHAR(64))");
        await mariadb.ExecuteAsync("CREATE TABLE tblmodule_configuration (id INT PRIMARY KEY AUTO_INCREMENT, entity_type VARCHAR(16), entity_id INT, setting_name VARCHAR(32), friendly_name VARCHAR(64), value TEXT)");
    }

    [Fact]
    public async Task Tokens_are_read_from_whmcs_jetpack_products_and_addons_only()
    {
        await using var mariadb = await TestMariaDb.CreateAsync();
        Assert.Empty(await WhmcsTokenSource.ReadAsync(mariadb.ConnectionString)); // no WHMCS tables: nothing, no error
        await CreateWhmcsTablesAsync(mariadb);
        await mariadb.ExecuteAsync("INSERT INTO tblproducts (servertype, configoption1) VALUES ('jetpack', 'product-token'), ('cpanel', 'not-ours'), ('jetpack', '')");
        await mariadb.ExecuteAsync("INSERT INTO tbladdons (id, module) VALUES (1, 'jetpack'), (2, 'other')");
        await mariadb.ExecuteAsync("INSERT INTO tblmodule_configuration (entity_type, entity_id, setting_name, value) VALUES ('addon', 1, 'configoption1', 'addon-token'), ('addon', 2, 'configoption1', 'other-addon'), ('addon', 1, 'configoption2', 'jetpack-scan')");

        var tokens = await WhmcsTokenSource.ReadAsync(mariadb.ConnectionString);

        Assert.Equal(["addon-token", "product-token"], tokens.Order(StringComparer.Ordinal));
        Assert.Empty(await WhmcsTokenSource.ReadAsync("ledger.db"));
    }

    [Fact]
    public async Task Reconcile_on_whmcs_mariadb_uses_the_tokens_of_whmcs_products_without_any_token_option()
    {
        await using var mariadb = await TestMariaDb.CreateAsync();
        await CreateWhmcsTablesAsync(mariadb);
        await mariadb.ExecuteAsync($"INSERT INTO tblproducts (servertype, configoption1) VALUES ('jetpack', '{CliHarness.Token}')");
        await using var cli = await CliHarness.StartAsync();
        Assert.Equal(0, (await cli.RunAsync("migrate", "--database", mariadb.ConnectionString)).Exit);
        var stray = cli.Sandbox.Store.IssueDirect(CliHarness.Token, "jetpack-scan");

        var result = await cli.RunAsync("reconcile", "--database", mariadb.ConnectionString);

        Assert.True(result.Exit == ReconcileExitCodes.Differences, result.Output);
        Assert.Contains(stray.LicenseKey, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(CliHarness.Token, result.Output, StringComparison.Ordinal);
    }
}
