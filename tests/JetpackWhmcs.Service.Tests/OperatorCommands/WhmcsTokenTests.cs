using JetpackWhmcs.Service.Commands.Reconcile;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

/// <summary>
/// The service's use of WHMCS's tokens, end to end; how they are read is tested with the WHMCS part
/// (tests/JetpackWhmcs.Whmcs.Tests).
/// </summary>
public sealed class WhmcsTokenTests
{
    private static async Task CreateWhmcsTablesAsync(TestMariaDb mariadb)
    {
        await mariadb.ExecuteAsync("CREATE TABLE tblproducts (id INT PRIMARY KEY AUTO_INCREMENT, servertype VARCHAR(64), configoption1 TEXT)");
        await mariadb.ExecuteAsync("CREATE TABLE tbladdons (id INT PRIMARY KEY AUTO_INCREMENT, module VARCHAR(64))");
        await mariadb.ExecuteAsync("CREATE TABLE tblmodule_configuration (id INT PRIMARY KEY AUTO_INCREMENT, entity_type VARCHAR(16), entity_id INT, setting_name VARCHAR(32), friendly_name VARCHAR(64), value TEXT)");
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
