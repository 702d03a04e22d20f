using JetpackWhmcs.Ledger.Tests;

namespace JetpackWhmcs.Whmcs.Tests;

public sealed class EmbeddedLedgerTests
{
    [Theory]
    [InlineData("ledger.db")]
    [InlineData("Data Source=ledger.db")]
    [InlineData("Data Source=/no/such/folder/ledger.db")]
    public async Task On_the_embedded_sqlite_ledger_whmcs_tables_are_not_available_without_opening_anything(string database)
    {
        var whmcs = WhmcsDatabaseFactory.Create(database);

        var availability = await whmcs.GetAvailabilityAsync();
        var tokens = await whmcs.ReadJetpackTokensAsync();

        Assert.Equal(WhmcsAvailabilityState.EmbeddedSqlite, availability.State);
        Assert.StartsWith("WHMCS's tables are not available on the embedded SQLite ledger", availability.Sentence, StringComparison.Ordinal);
        Assert.False(tokens.IsAvailable);
        Assert.Same(WhmcsAvailability.EmbeddedSqlite, tokens.Availability);
        Assert.Empty(tokens.Value);
        Assert.False(File.Exists(database), "a read must not create a SQLite file");
    }

    [Fact]
    public async Task A_real_sqlite_ledger_holding_tables_named_like_whmcs_s_is_still_not_whmcs()
    {
        await using var database = await TestDatabases.CreateSqliteAsync();
        await database.ExecuteAsync("CREATE TABLE tblproducts (id INTEGER PRIMARY KEY, servertype TEXT, configoption1 TEXT)");
        await database.ExecuteAsync("INSERT INTO tblproducts (servertype, configoption1) VALUES ('jetpack', 'a-token')");

        var answer = await WhmcsDatabaseFactory.Create(database.ConnectionString).ReadJetpackTokensAsync();

        Assert.Equal(WhmcsAvailabilityState.EmbeddedSqlite, answer.Availability.State);
        Assert.Empty(answer.Value);
    }

    [Fact]
    public void A_blank_database_setting_is_an_argument_mistake() =>
        Assert.ThrowsAny<ArgumentException>(() => WhmcsDatabaseFactory.Create(" "));

    [Fact]
    public async Task Every_operator_read_and_write_answers_not_available_on_the_embedded_ledger()
    {
        var whmcs = WhmcsDatabaseFactory.Create("ledger.db");
        var product = new Catalog.NewJetpackProduct(Tokens.ModuleEntity.Product, "Backup", "", [new("API Token", "t")]);

        var answers = new[]
        {
            (await whmcs.ReadJetpackCatalogAsync()).Availability,
            (await whmcs.EnsureProductGroupAsync()).Availability,
            (await whmcs.CreateJetpackProductAsync(product)).Availability,
            (await whmcs.ReplaceTokenAsync("t")).Availability,
            (await whmcs.ReadJetpackPricesAsync()).Availability,
            (await whmcs.ReadOwnerStatusesAsync([Ledger.LicenseOwner.Service(1)])).Availability,
            (await whmcs.CountActiveServicesAsync()).Availability,
            (await whmcs.FindEndedServicesWithLiveLicenseAsync()).Availability,
            (await whmcs.FindActiveServicesWithoutLicenseAsync()).Availability,
        };

        Assert.All(answers, a => Assert.Same(WhmcsAvailability.EmbeddedSqlite, a));
        Assert.False(File.Exists("ledger.db"));
    }
}
