using JetpackWhmcs.Service.Commands.Reconcile;
using JetpackWhmcs.Service.Tests.Support;
using JetpackWhmcs.Whmcs.Tests;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

/// <summary>
/// The service's use of WHMCS's tokens, end to end; how they are read is tested with the WHMCS part
/// (tests/JetpackWhmcs.Whmcs.Tests).
/// </summary>
public sealed class WhmcsTokenTests
{
    private static async Task CreateWhmcsTablesAsync(TestMariaDb mariadb)
    {
        foreach (var table in new[] { WhmcsSchema.Products, WhmcsSchema.Addons, WhmcsSchema.ModuleConfiguration })
        {
            await mariadb.ExecuteAsync(table);
        }
    }

    [Fact]
    public async Task Reconcile_on_whmcs_mariadb_uses_the_tokens_of_whmcs_products_without_any_token_option()
    {
        await using var mariadb = await TestMariaDb.CreateAsync();
        await CreateWhmcsTablesAsync(mariadb);
        await mariadb.ExecuteAsync($"INSERT INTO tblproducts (type, name, description, servertype, configoption1, configoption2, configoption3, paytype) VALUES ('other', 'Backup', '', 'jetpack', '{CliHarness.Token}', 'jetpack-backup-daily', '', 'recurring')");
        await using var cli = await CliHarness.StartAsync();
        Assert.Equal(0, (await cli.RunAsync("migrate", "--database", mariadb.ConnectionString)).Exit);
        var stray = cli.Sandbox.Store.IssueDirect(CliHarness.Token, "jetpack-scan");

        var result = await cli.RunAsync("reconcile", "--database", mariadb.ConnectionString);

        Assert.True(result.Exit == ReconcileExitCodes.Differences, result.Output);
        Assert.Contains(stray.LicenseKey, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(CliHarness.Token, result.Output, StringComparison.Ordinal);
    }
}
