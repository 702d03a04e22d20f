using System.Globalization;
using JetpackWhmcs.Whmcs.Tests;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Operator.Tests;

public sealed class ProductSetupTests
{
    private static readonly string[] SettingNames = ["API Token", "Jetpack Product", "Show User License", "Suspension Policy", "Attach On Create", "Detach Emails Site Owner"];

    [Fact]
    public async Task A_product_is_created_as_the_original_addon_module_did_with_our_settings_appended()
    {
        await using var h = await OperatorHarness.StartAsync();

        var result = await h.Products.CreateAsync(ModuleEntity.Product, "jetpack-backup-daily", OperatorHarness.Token);

        Assert.True(result.Succeeded, result.Sentence);
        var row = Assert.Single(await h.Database.QueryRowsAsync("SELECT p.*, g.name AS group_name, g.headline, g.hidden AS group_hidden FROM tblproducts p JOIN tblproductgroups g ON g.id = p.gid"));
        Assert.Equal(("Jetpack Backup Daily", "Real-time or daily cloud backups with one-click restores.", "other", "jetpack", "Jetpack", "Jetpack Products"),
            ((string)row["name"]!, (string)row["description"]!, (string)row["type"]!, (string)row["servertype"]!, (string)row["group_name"]!, (string)row["headline"]!));
        Assert.True(Convert.ToBoolean(row["hidden"], CultureInfo.InvariantCulture));
        Assert.True(Convert.ToBoolean(row["group_hidden"], CultureInfo.InvariantCulture));
        Assert.Equal([OperatorHarness.Token, "jetpack-backup-daily", "off", "keep", "", ""], Enumerable.Range(1, 6).Select(i => (string)row[$"configoption{i}"]!));
        Assert.DoesNotContain(OperatorHarness.Token, result.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_addon_gets_its_settings_by_name_in_module_configuration()
    {
        await using var h = await OperatorHarness.StartAsync();

        var result = await h.Products.CreateAsync(ModuleEntity.Addon, "jetpack-scan", OperatorHarness.Token);

        Assert.True(result.Succeeded, result.Sentence);
        Assert.Equal(("Jetpack Scan", "jetpack"), Assert.Single(await h.Database.QueryAsync<(string, string)>("SELECT name, module FROM tbladdons")));
        Assert.Equal(
            SettingNames.Zip([OperatorHarness.Token, "jetpack-scan", "off", "keep", "", ""]).Select(p => (p.First, p.Second)),
            await h.Database.QueryAsync<(string, string)>("SELECT friendly_name, value FROM tblmodule_configuration WHERE entity_id = @Id ORDER BY setting_name", new { Id = result.Id }));
        var listed = Assert.Single((await h.Products.ListAsync()).Value);
        Assert.Equal((ModuleEntity.Addon, "Jetpack Scan", OperatorHarness.Fingerprint, false), (listed.Entity, listed.ProductName, listed.TokenFingerprint, listed.ShowLicense));
    }

    [Fact]
    public async Task A_token_jetpack_refuses_or_an_unknown_product_creates_nothing()
    {
        await using var h = await OperatorHarness.StartAsync();

        var badToken = await h.Products.CreateAsync(ModuleEntity.Product, "jetpack-scan", "wrong-token-0000");
        var badSlug = await h.Products.CreateAsync(ModuleEntity.Addon, "jetpack-nothing", OperatorHarness.Token);

        Assert.False(badToken.Succeeded);
        Assert.StartsWith("Jetpack did not accept the token", badToken.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token-0000", badToken.Sentence, StringComparison.Ordinal);
        Assert.False(badSlug.Succeeded);
        Assert.Equal(0L, await h.Database.ScalarAsync<long>("SELECT (SELECT COUNT(*) FROM tblproducts) + (SELECT COUNT(*) FROM tbladdons) + (SELECT COUNT(*) FROM tblproductgroups) + (SELECT COUNT(*) FROM tblmodule_configuration)"));
    }

    [Fact]
    public async Task A_new_token_is_checked_against_the_api_before_anything_is_written_then_set_everywhere()
    {
        const string second = "second-partner-token-0123456789";
        await using var h = await OperatorHarness.StartAsync(secondToken: second);
        await h.AddJetpackProductAsync();
        await WhmcsSchema.AddAddonAsync(h.Database, 5, "jetpack", OperatorHarness.Token);
        await h.Database.ExecuteAsync("INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', 'api_token', @Token)", new { OperatorHarness.Token });

        var refused = await h.Products.ReplaceTokenAsync("a-token-jetpack-does-not-know");
        var unchanged = await TokensInWhmcsAsync(h);
        var replaced = await h.Products.ReplaceTokenAsync(second);

        Assert.False(refused.Succeeded);
        Assert.Equal([OperatorHarness.Token, OperatorHarness.Token, OperatorHarness.Token], unchanged);
        Assert.True(replaced.Succeeded, replaced.Sentence);
        Assert.Equal([second, second, second], await TokensInWhmcsAsync(h));
        Assert.Contains(Provisioning.Security.TokenFingerprint.Of(second), replaced.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(second, replaced.Sentence, StringComparison.Ordinal);
        Assert.Contains(second, h.Tokens.Remembered);
        Assert.DoesNotContain("a-token-jetpack-does-not-know", h.Tokens.Remembered);
    }

    private static async Task<string[]> TokensInWhmcsAsync(OperatorHarness h) =>
    [
        .. await h.Database.QueryAsync<string>("SELECT configoption1 FROM tblproducts"),
        .. await h.Database.QueryAsync<string>("SELECT value FROM tblmodule_configuration WHERE setting_name = 'configoption1'"),
        .. await h.Database.QueryAsync<string>("SELECT value FROM tbladdonmodules WHERE setting = 'api_token'"),
    ];
}
