using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Tests;
using JetpackWhmcs.Whmcs.Pricing;
using JetpackWhmcs.Whmcs.Services;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Whmcs.Tests;

public sealed class PricingAndServiceTests
{
    [Fact]
    public async Task Prices_are_read_per_currency_for_jetpack_products_and_addons_only()
    {
        await using var database = await WhmcsAsync();
        var usd = await WhmcsSchema.AddCurrencyAsync(database, "USD", 1m, isDefault: true);
        var eur = await WhmcsSchema.AddCurrencyAsync(database, "EUR", 0.92m, isDefault: false);
        await WhmcsSchema.AddProductAsync(database, "jetpack", "t");
        await WhmcsSchema.AddProductAsync(database, "cpanel", "t");
        await WhmcsSchema.AddAddonAsync(database, 7, "jetpack", "t");
        await WhmcsSchema.AddPricingAsync(database, "product", 1, usd, 10m, annually: 100m);
        await WhmcsSchema.AddPricingAsync(database, "product", 1, eur, 9.5m);
        await WhmcsSchema.AddPricingAsync(database, "product", 2, usd, 50m);
        await WhmcsSchema.AddPricingAsync(database, "addon", 7, usd, 4m);
        await WhmcsSchema.AddPricingAsync(database, "addon", 2, usd, 99m);

        var prices = (await WhmcsDatabaseFactory.Create(database.ConnectionString).ReadJetpackPricesAsync()).Value;

        Assert.Equal([new WhmcsCurrency(usd, "USD", "", " USD", 1m, true), new WhmcsCurrency(eur, "EUR", "", " EUR", 0.92m, false)], prices.Currencies);
        Assert.Equal(
            [
                new JetpackPrice(ModuleEntity.Product, 1, usd, "recurring", new CyclePrices(10m, -1m, -1m, 100m, -1m, -1m)),
                new JetpackPrice(ModuleEntity.Product, 1, eur, "recurring", new CyclePrices(9.5m, -1m, -1m, -1m, -1m, -1m)),
                new JetpackPrice(ModuleEntity.Addon, 7, usd, "Monthly", new CyclePrices(4m, -1m, -1m, -1m, -1m, -1m)),
            ],
            prices.Prices);
    }

    [Fact]
    public async Task Active_services_are_counted_per_product_currency_and_cycle()
    {
        await using var database = await WhmcsAsync(ledger: true);
        await WhmcsSchema.AddProductAsync(database, "jetpack", "t");
        await WhmcsSchema.AddProductAsync(database, "cpanel", "t");
        await WhmcsSchema.AddAddonAsync(database, 7, "jetpack", "t");
        var usdClient = await WhmcsSchema.AddClientAsync(database, 1);
        var eurClient = await WhmcsSchema.AddClientAsync(database, 2);
        await WhmcsSchema.AddServiceAsync(database, usdClient, 1, 1, "Active");
        await WhmcsSchema.AddServiceAsync(database, usdClient, 2, 1, "Active");
        await WhmcsSchema.AddServiceAsync(database, usdClient, 3, 1, "Active", "Annually");
        await WhmcsSchema.AddServiceAsync(database, eurClient, 4, 1, "Active");
        await WhmcsSchema.AddServiceAsync(database, eurClient, 5, 1, "Suspended");
        var hosting = await WhmcsSchema.AddServiceAsync(database, eurClient, 6, 2, "Active");
        await WhmcsSchema.AddServiceAddonAsync(database, hosting, 6, 7, "Active");
        await WhmcsSchema.AddServiceAddonAsync(database, hosting, 6, 7, "Cancelled");

        var counts = (await WhmcsDatabaseFactory.Create(database.ConnectionString).CountActiveServicesAsync()).Value;

        Assert.Equal(
            [
                new ActiveServiceCount(ModuleEntity.Product, 1, 1, "Annually", 1),
                new ActiveServiceCount(ModuleEntity.Product, 1, 1, "Monthly", 2),
                new ActiveServiceCount(ModuleEntity.Product, 1, 2, "Monthly", 1),
                new ActiveServiceCount(ModuleEntity.Addon, 7, 2, "Monthly", 1),
            ],
            counts.OrderBy(c => c.Entity).ThenBy(c => c.CurrencyId).ThenBy(c => c.BillingCycle, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ended_services_with_a_live_licence_and_active_ones_without_are_found_beside_the_ledger()
    {
        await using var database = await WhmcsAsync(ledger: true);
        var ledger = database.Ledger;
        var now = DateTime.UtcNow;
        await WhmcsSchema.AddProductAsync(database, "jetpack", "t");
        await WhmcsSchema.AddAddonAsync(database, 7, "jetpack", "t");
        var client = await WhmcsSchema.AddClientAsync(database, 1);
        var terminated = await WhmcsSchema.AddServiceAsync(database, client, 10, 1, "Terminated", domain: "gone.example");
        var cancelledButRevoked = await WhmcsSchema.AddServiceAsync(database, client, 11, 1, "Cancelled");
        var activeWithout = await WhmcsSchema.AddServiceAsync(database, client, 12, 1, "Active", domain: "needs.example");
        var activeWith = await WhmcsSchema.AddServiceAsync(database, client, 13, 1, "Active");
        var activeLegacy = await WhmcsSchema.AddServiceAsync(database, client, 14, 1, "Active");
        var activePending = await WhmcsSchema.AddServiceAsync(database, client, 15, 1, "Active");
        var cancelledAddon = await WhmcsSchema.AddServiceAddonAsync(database, activeWith, 13, 7, "Cancelled");
        var activeAddonWithout = await WhmcsSchema.AddServiceAddonAsync(database, activeWith, 13, 7, "Active");
        await ledger.TryRecordExistingAsync(LicenseOwner.Service(terminated), 10, 1, new IssuedLicense("key-terminated", 1, now, "jetpack-backup-daily"), "fp-1", now);
        await ledger.TryRecordExistingAsync(LicenseOwner.Service(activeWith), 13, 1, new IssuedLicense("key-active", 2, now, "jetpack-backup-daily"), "fp-1", now);
        await ledger.TryRecordExistingAsync(LicenseOwner.Addon(cancelledAddon), 13, 1, new IssuedLicense("key-addon", 3, now, "jetpack-backup-daily"), "fp-1", now);
        await ledger.TryRecordExistingAsync(LicenseOwner.Service(cancelledButRevoked), 11, 1, new IssuedLicense("key-revoked", 4, now, "jetpack-backup-daily"), "fp-1", now);
        var revoked = await ledger.FindByKeyAsync("key-revoked");
        await ledger.MarkRevokedAsync(revoked!.Id, now, now);
        await database.ExecuteAsync("INSERT INTO jetpack_product_licenses (order_id, product_id, license_key, issued_at) VALUES (14, 1, 'legacy-key', NOW())");
        await ledger.TryClaimAsync(new NewClaim { Owner = LicenseOwner.Service(activePending), SlotKey = LicenseOwner.Service(activePending).SlotKey, OrderId = 15, ProductId = 1, ProductSlug = "jetpack-backup-daily", TokenFingerprint = "fp-1", ClaimId = "claim-15", Now = now });
        var whmcs = WhmcsDatabaseFactory.Create(database.ConnectionString);

        var ended = (await whmcs.FindEndedServicesWithLiveLicenseAsync()).Value;
        var without = (await whmcs.FindActiveServicesWithoutLicenseAsync()).Value;

        Assert.Equal(
            [(LicenseOwner.Service(terminated), "key-terminated", "Terminated", "gone.example"), (LicenseOwner.Addon(cancelledAddon), "key-addon", "Cancelled", "example.com")],
            ended.Select(e => (e.Service.Owner, e.LicenseKey, e.Service.Status, e.Service.Domain)));
        Assert.Equal(
            [new JetpackService(LicenseOwner.Service(activeWithout), activeWithout, 12, 1, 1, client, "Active", "needs.example"), new JetpackService(LicenseOwner.Addon(activeAddonWithout), activeWith, 13, 1, 7, client, "Active", "example.com")],
            without);
    }

    [Fact]
    public async Task Owner_statuses_are_read_for_services_and_addons_that_whmcs_knows()
    {
        await using var database = await WhmcsAsync(ledger: true);
        var client = await WhmcsSchema.AddClientAsync(database, 1);
        var service = await WhmcsSchema.AddServiceAsync(database, client, 1, 1, "Suspended");
        var addon = await WhmcsSchema.AddServiceAddonAsync(database, service, 1, 7, "Terminated");

        var statuses = (await WhmcsDatabaseFactory.Create(database.ConnectionString)
            .ReadOwnerStatusesAsync([LicenseOwner.Service(service), LicenseOwner.Addon(addon), LicenseOwner.Service(999)])).Value;

        Assert.Equal([new OwnerStatus(LicenseOwner.Service(service), "Suspended"), new OwnerStatus(LicenseOwner.Addon(addon), "Terminated")], statuses);
    }

    private static async Task<TestDatabase> WhmcsAsync(bool ledger = false)
    {
        var database = await TestDatabases.CreateMariaDbAsync(migrate: ledger);
        await WhmcsSchema.CreateOperatorTablesAsync(database);
        return database;
    }
}
