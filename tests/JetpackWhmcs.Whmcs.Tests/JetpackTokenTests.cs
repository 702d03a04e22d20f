using JetpackWhmcs.Ledger.Tests;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Whmcs.Tests;

public sealed class JetpackTokenTests
{
    [Fact]
    public async Task Tokens_are_read_from_whmcs_jetpack_products_and_addons_only()
    {
        await using var database = await TestDatabases.CreateMariaDbAsync(migrate: false);
        await WhmcsSchema.CreateAsync(database);
        await WhmcsSchema.AddProductAsync(database, "jetpack", "product-token");
        await WhmcsSchema.AddProductAsync(database, "cpanel", "not-ours");
        await WhmcsSchema.AddProductAsync(database, "jetpack", "");
        await WhmcsSchema.AddProductAsync(database, "jetpack", "   ");
        await WhmcsSchema.AddAddonAsync(database, 1, "jetpack", " addon-token ");
        await WhmcsSchema.AddAddonAsync(database, 2, "other", "other-addon");

        var answer = await WhmcsDatabaseFactory.Create(database.ConnectionString).ReadJetpackTokensAsync();

        Assert.True(answer.IsAvailable);
        Assert.Equal(
            [new ModuleToken(ModuleEntity.Addon, 1, "addon-token"), new ModuleToken(ModuleEntity.Product, 1, "product-token")],
            answer.Value.OrderBy(t => t.Token, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_mariadb_without_whmcs_tables_answers_not_available_naming_them_without_error()
    {
        await using var database = await TestDatabases.CreateMariaDbAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        var answer = await whmcs.ReadJetpackTokensAsync();

        Assert.Equal(WhmcsAvailabilityState.TablesMissing, answer.Availability.State);
        Assert.Empty(answer.Value);
        Assert.Contains("tblproducts, tbladdons, tblmodule_configuration", answer.Availability.Sentence, StringComparison.Ordinal);
        Assert.Equal(answer.Availability, await whmcs.GetAvailabilityAsync());
    }

    [Fact]
    public async Task A_missing_addon_table_is_named_and_no_product_token_is_read_half_way()
    {
        await using var database = await TestDatabases.CreateMariaDbAsync(migrate: false);
        await database.ExecuteAsync(WhmcsSchema.Products);
        await WhmcsSchema.AddProductAsync(database, "jetpack", "product-token");

        var answer = await WhmcsDatabaseFactory.Create(database.ConnectionString).ReadJetpackTokensAsync();

        Assert.False(answer.IsAvailable);
        Assert.Contains("missing: tbladdons, tblmodule_configuration", answer.Availability.Sentence, StringComparison.Ordinal);
        Assert.Empty(answer.Value);
    }

    [Fact]
    public async Task The_sentence_of_missing_tables_never_shows_the_password()
    {
        await using var database = await TestDatabases.CreateMariaDbAsync(migrate: false);
        var password = new MySqlConnector.MySqlConnectionStringBuilder(database.ConnectionString).Password;

        var availability = await WhmcsDatabaseFactory.Create(database.ConnectionString).GetAvailabilityAsync();

        Assert.Contains("MySQL/MariaDB database", availability.Sentence, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(password))
        {
            Assert.DoesNotContain(password, availability.Sentence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_token_is_never_in_the_text_of_its_row()
    {
        var token = new ModuleToken(ModuleEntity.Product, 7, "secret-token");

        Assert.Equal("Product 7", token.ToString());
        Assert.DoesNotContain("secret-token", $"{token}", StringComparison.Ordinal);
    }
}
