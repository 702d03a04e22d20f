using JetpackWhmcs.Ledger.Tests;

namespace JetpackWhmcs.Whmcs.Tests;

/// <summary>Clients and services for the admin licence list, on real MariaDB with WHMCS's columns.</summary>
public sealed class ClientServiceTests
{
    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabases.CreateMariaDbAsync(migrate: false);
        await WhmcsSchema.CreateClientTablesAsync(database);
        await WhmcsSchema.AddClientServiceAsync(database, 1, "Jane", "Doe", "jane@example.com", 10, "jane.example");
        await WhmcsSchema.AddClientServiceAsync(database, 1, "Jane", "Doe", "jane@example.com", 11, "shop.jane.example");
        await WhmcsSchema.AddClientServiceAsync(database, 2, "John", "Dorian", "jd@sacred.example", 20, "jd.example", company: "Sacred Heart");
        await WhmcsSchema.AddClientServiceAsync(database, 3, "<script>", "100%_off", "x@evil.example", 30, "evil.example");
        return database;
    }

    [Fact]
    public async Task Services_are_read_with_their_client()
    {
        await using var database = await SeededAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        var answer = await whmcs.ReadServiceOwnersAsync([10, 20, 999]);

        Assert.True(answer.IsAvailable);
        Assert.Equal([10L, 20L], answer.Value.Keys.Order());
        var jane = answer.Value[10];
        Assert.Equal((1L, "Jane Doe", "jane@example.com", "jane.example", "Active"), (jane.ClientId, jane.ClientName, jane.Email, jane.Domain, jane.Status));
        Assert.Equal("Sacred Heart", answer.Value[20].CompanyName);
    }

    [Fact]
    public async Task Client_search_finds_services_by_email_first_last_full_name_and_company_prefix()
    {
        await using var database = await SeededAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        async Task<long[]> Find(string text) => [.. (await whmcs.FindClientServiceIdsAsync(text, 100)).Value.Order()];

        Assert.Equal(new long[] { 10, 11 }, await Find("jane@"));
        Assert.Equal(new long[] { 10, 11, 20 }, await Find("J"));
        Assert.Equal(new long[] { 20 }, await Find("Dori"));
        Assert.Equal(new long[] { 10, 11 }, await Find("jane do"));
        Assert.Equal(new long[] { 20 }, await Find("sacred"));
        // Pattern characters are text: "100%" does not match every last name starting "100".
        Assert.Equal(new long[] { 30 }, await Find("100%_"));
        Assert.Empty(await Find("100%x"));
        Assert.Empty(await Find("nobody"));
    }

    [Fact]
    public async Task Without_the_tables_both_reads_answer_not_available()
    {
        await using var database = await TestDatabases.CreateMariaDbAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);
        var embedded = WhmcsDatabaseFactory.Create("Data Source=/nonexistent/ledger.db");

        var owners = await whmcs.ReadServiceOwnersAsync([1]);
        var found = await whmcs.FindClientServiceIdsAsync("jane", 10);

        Assert.Equal(WhmcsAvailabilityState.TablesMissing, owners.Availability.State);
        Assert.Contains("tblclients, tblhosting", owners.Availability.Sentence, StringComparison.Ordinal);
        Assert.Empty(found.Value);
        Assert.Equal(WhmcsAvailabilityState.EmbeddedSqlite, (await embedded.ReadServiceOwnersAsync([1])).Availability.State);
        Assert.Equal(WhmcsAvailabilityState.EmbeddedSqlite, (await embedded.FindClientServiceIdsAsync("jane", 10)).Availability.State);
    }
}
