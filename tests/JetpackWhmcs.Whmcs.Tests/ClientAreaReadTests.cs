using JetpackWhmcs.Ledger.Tests;
using JetpackWhmcs.Whmcs.ClientArea;

namespace JetpackWhmcs.Whmcs.Tests;

/// <summary>The client area's reads of WHMCS's tables, on real MariaDB with WHMCS's column types.</summary>
public sealed class ClientAreaReadTests
{
    [Fact]
    public async Task A_service_and_an_addon_are_read_with_their_owner_and_parent()
    {
        await using var database = await SeededAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        Assert.Equal(new ClientService(1, 10, "blog.example.com", "Active"), (await whmcs.ReadServiceAsync(1)).Value);
        Assert.Null((await whmcs.ReadServiceAsync(999)).Value);
        Assert.Equal(new ClientAddon(1, 2, "Active"), (await whmcs.ReadServiceAddonAsync(1)).Value);
        Assert.Null((await whmcs.ReadServiceAddonAsync(999)).Value);
    }

    [Fact]
    public async Task Active_domains_are_the_clients_own_active_services_only()
    {
        await using var database = await SeededAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        var answer = await whmcs.ReadActiveDomainsAsync(10);

        Assert.True(answer.IsAvailable);
        Assert.Equal(["blog.example.com", "shop.example.com"], answer.Value);
    }

    [Fact]
    public async Task The_addon_modules_settings_are_read_by_name()
    {
        await using var database = await SeededAsync();
        await database.ExecuteAsync("INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', 'client_changes_per_day', '3'), ('jetpack', 'upsell', 'on'), ('other', 'upsell', '')");

        var settings = (await WhmcsDatabaseFactory.Create(database.ConnectionString).ReadAddonModuleSettingsAsync()).Value;

        Assert.Equal("3", settings["client_changes_per_day"]);
        Assert.Equal("on", settings["upsell"]);
    }

    [Fact]
    public async Task An_admins_role_is_read_by_admin_id_and_an_unknown_admin_has_none()
    {
        await using var database = await SeededAsync();
        await WhmcsSchema.AddAdminAsync(database, 1, 1, "admin");
        await WhmcsSchema.AddAdminAsync(database, 4, 3, "grace");
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        var grace = await whmcs.ReadAdminRoleAsync(4);

        Assert.True(grace.IsAvailable);
        Assert.Equal(3L, grace.Value);
        Assert.Equal(1L, (await whmcs.ReadAdminRoleAsync(1)).Value);
        Assert.Null((await whmcs.ReadAdminRoleAsync(2)).Value);
    }

    [Fact]
    public async Task A_database_without_whmcss_admins_says_so_instead_of_guessing_a_role()
    {
        await using var database = await TestDatabases.CreateMariaDbAsync(migrate: false);

        var answer = await WhmcsDatabaseFactory.Create(database.ConnectionString).ReadAdminRoleAsync(1);

        Assert.False(answer.IsAvailable);
        Assert.Null(answer.Value);
        Assert.Contains(WhmcsTables.Admins, answer.Availability.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_are_the_jetpack_addons_for_services_without_one_priced_in_the_clients_currency()
    {
        await using var database = await SeededAsync();
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        // The client's currency prints as WHMCS prints it: 1.234,56 for format 3.
        await database.ExecuteAsync("UPDATE tblcurrencies SET format = 3 WHERE code = 'EUR'");
        var offers = (await whmcs.ReadAddonOffersAsync(10, null)).Value;

        // Service 1 (hosting, no Jetpack addon) gets addon 5 in EUR at its annual price; service 2 already
        // has addon 5; addon 6 has no EUR price; addon 7 is not Jetpack's; service 3 is another client's.
        var offer = Assert.Single(offers);
        Assert.Equal(new AddonOffer(1, "blog.example.com", "Shared Hosting", 5, "Jetpack Backup", "Annually", 95.50m, "EUR", "€", " EUR", 3), offer);
        Assert.Equal("€95,50 EUR", offer.PriceText);
        Assert.Empty((await whmcs.ReadAddonOffersAsync(10, 2)).Value);
        Assert.Single((await whmcs.ReadAddonOffersAsync(10, 1)).Value);

        // A client without a currency sees the default currency's prices.
        var bob = (await whmcs.ReadAddonOffersAsync(11, null)).Value;
        Assert.Equal([(3L, 5L, 100.00m, "USD"), (3L, 6L, 5.00m, "USD")], bob.Select(o => (o.ServiceId, o.AddonId, o.Price, o.CurrencyCode)));
    }

    [Fact]
    public async Task The_embedded_ledger_answers_not_available_for_every_client_area_read()
    {
        var whmcs = WhmcsDatabaseFactory.Create("Data Source=/nonexistent/ledger.db");

        Assert.False((await whmcs.ReadServiceAsync(1)).IsAvailable);
        Assert.False((await whmcs.ReadServiceAddonAsync(1)).IsAvailable);
        Assert.False((await whmcs.ReadActiveDomainsAsync(1)).IsAvailable);
        Assert.False((await whmcs.ReadAddonModuleSettingsAsync()).IsAvailable);
        Assert.False((await whmcs.ReadAdminRoleAsync(1)).IsAvailable);
        Assert.Empty((await whmcs.ReadAddonOffersAsync(1, null)).Value);
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabases.CreateMariaDbAsync(migrate: false);
        await WhmcsSchema.CreateClientAreaAsync(database);
        await database.ExecuteAsync(
            "INSERT INTO tblcurrencies (id, code, prefix, suffix, `default`) VALUES (1, 'USD', '$', ' USD', 1), (2, 'EUR', '€', ' EUR', 0);" +
            "INSERT INTO tblclients (id, firstname, lastname, companyname, email, language, currency) VALUES (10, 'Ada', 'L', '', 'a@example.com', '', 2), (11, 'Bob', 'M', '', 'b@example.com', '', 0);" +
            "INSERT INTO tblproducts (id, type, name, description, servertype, configoption1, configoption2, configoption3, paytype) VALUES " +
            "(1, 'hostingaccount', 'Shared Hosting', '', 'cpanel', '', '', '', 'recurring'), (2, 'other', 'Jetpack Scan', '', 'jetpack', 't', 'jetpack-scan', '', 'recurring');" +
            "INSERT INTO tblhosting (id, userid, orderid, packageid, domain, domainstatus, billingcycle) VALUES " +
            "(1, 10, 0, 1, 'blog.example.com', 'Active', 'Monthly'), (2, 10, 0, 1, 'shop.example.com', 'Active', 'Monthly'), " +
            "(3, 11, 0, 1, 'bob.example.com', 'Active', 'Monthly'), (4, 10, 0, 1, 'old.example.com', 'Terminated', 'Monthly'), (5, 10, 0, 2, '', 'Active', 'Monthly');" +
            "INSERT INTO tbladdons (id, packages, name, description, billingcycle, type, module) VALUES " +
            "(5, '1, 9', 'Jetpack Backup', '', 'Annually', 'other', 'jetpack'), (6, '1', 'Jetpack Scan', '', 'Monthly', 'other', 'jetpack'), (7, '1', 'Backups', '', 'Monthly', 'other', 'other');" +
            "INSERT INTO tblpricing (type, currency, relid, monthly, quarterly, semiannually, annually, biennially, triennially) VALUES " +
            "('addon', 2, 5, 9.00, -1, -1, 95.50, -1, -1), ('addon', 1, 5, 10.00, -1, -1, 100.00, -1, -1), ('addon', 1, 6, 5.00, -1, -1, -1, -1, -1), ('addon', 2, 7, 1.00, -1, -1, -1, -1, -1);" +
            "INSERT INTO tblhostingaddons (id, orderid, hostingid, addonid, status, billingcycle) VALUES (1, 0, 2, 5, 'Active', 'Annually'), (2, 0, 1, 5, 'Cancelled', 'Annually');");
        return database;
    }
}
