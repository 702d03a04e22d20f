using JetpackWhmcs.Whmcs.Tests;

namespace JetpackWhmcs.Operator.Tests;

public sealed class CostServiceTests
{
    [Fact]
    public async Task The_costs_of_a_seeded_catalogue_come_from_the_sandboxs_prices_the_ledger_and_whmcss_prices()
    {
        await using var h = await OperatorHarness.StartAsync();
        var product = await h.AddJetpackProductAsync("jetpack-backup-daily");
        var usd = await WhmcsSchema.AddCurrencyAsync(h.Database, "USD", 1m, isDefault: true);
        var eur = await WhmcsSchema.AddCurrencyAsync(h.Database, "EUR", 0.5m, isDefault: false);
        await WhmcsSchema.AddPricingAsync(h.Database, "product", product, usd, 3.00m, annually: 60m);
        await WhmcsSchema.AddPricingAsync(h.Database, "product", product, eur, 2.50m);
        var usdClient = await WhmcsSchema.AddClientAsync(h.Database, usd);
        var eurClient = await WhmcsSchema.AddClientAsync(h.Database, eur);
        var monthly = await WhmcsSchema.AddServiceAsync(h.Database, usdClient, 1, product, "Active");
        var annual = await WhmcsSchema.AddServiceAsync(h.Database, usdClient, 2, product, "Active", "Annually");
        var euro = await WhmcsSchema.AddServiceAsync(h.Database, eurClient, 3, product, "Active");
        foreach (var (service, order) in new[] { (monthly, 1L), (annual, 2L), (euro, 3L) })
        {
            Assert.Equal("success", await h.CreateAccountAsync(service, order, product));
        }

        var report = await h.Costs.ReadAsync();

        var backup = Assert.Single(report.Products);
        Assert.Empty(report.Problems);
        Assert.Equal((3L, 3L), (backup.BilledLicenses, backup.ActiveServices));
        Assert.Equal(3.95m * 3, backup.MonthlyCost);
        Assert.Equal(new Dictionary<string, decimal> { ["USD"] = 3m + 5m, ["EUR"] = 2.5m }, backup.RevenueByCurrency);
        Assert.Equal(8m + 5m, backup.Revenue);
        Assert.Equal(13m - 11.85m, backup.Margin);
        // 3.00 a month is below the partner's 3.95; 60 a year (5 a month) and 2.50 EUR (5 USD) are not.
        Assert.Equal([("USD", "Monthly", true), ("USD", "Annually", false), ("EUR", "Monthly", false)], backup.Offers.Select(o => (o.Currency, o.Cycle, o.BelowCost)));
        Assert.True(backup.BelowCost);
        Assert.Equal(DateOnly.FromDateTime(h.Time.GetUtcNow().UtcDateTime), backup.PartnerPrice!.Since);
    }
}
