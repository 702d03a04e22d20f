using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Operator.Costs;
using JetpackWhmcs.Whmcs.Catalog;
using JetpackWhmcs.Whmcs.Pricing;
using JetpackWhmcs.Whmcs.Services;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Operator.Tests;

public sealed class CostCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly CyclePrices None = new(-1m, -1m, -1m, -1m, -1m, -1m);

    [Fact]
    public void Costs_revenue_and_margins_add_up_over_currencies_and_cycles_and_below_cost_prices_are_flagged()
    {
        var report = CostCalculator.Compute(Seeded(usdIsDefault: true));

        var backup = report.Products.Single(p => p.ProductSlug == "jetpack-backup-daily");
        Assert.Equal(27.65m, backup.MonthlyCost);
        Assert.Equal(new Dictionary<string, decimal> { ["USD"] = 28m, ["EUR"] = 12m }, backup.RevenueByCurrency);
        Assert.Equal(52m, backup.Revenue);
        Assert.Equal(24.35m, backup.Margin);
        Assert.Equal(6, backup.ActiveServices);
        Assert.False(backup.BelowCost);

        var scan = report.Products.Single(p => p.ProductSlug == "jetpack-scan");
        Assert.Equal(30.42m, decimal.Round(scan.MonthlyCost!.Value, 2));
        Assert.Equal(40m, scan.Revenue);
        Assert.True(scan.BelowCost);
        Assert.Equal([("Monthly", true), ("Quarterly", false)], scan.Offers.Select(o => (o.Cycle, o.BelowCost)));

        var legacy = report.Products.Single(p => p.ProductSlug == "");
        Assert.Equal((2L, (decimal?)null), (legacy.BilledLicenses, legacy.MonthlyCost));

        Assert.Equal(58.07m, decimal.Round(report.TotalCost, 2));
        Assert.Equal(new Dictionary<string, decimal> { ["USD"] = 68m, ["EUR"] = 12m }, report.TotalRevenueByCurrency);
        Assert.Equal(92m, report.TotalRevenue);
        Assert.Equal(33.93m, decimal.Round(report.TotalMargin!.Value, 2));
        Assert.Equal("USD", report.PartnerCurrency);
        Assert.Contains("divided by its currency's rate", report.Comparison, StringComparison.Ordinal);
    }

    [Fact]
    public void With_another_default_currency_usd_amounts_go_through_the_default_currency_rate()
    {
        // Default EUR (rate 1), USD at 2 per EUR: 12 EUR of revenue is 24 USD.
        var inputs = Seeded(usdIsDefault: false);

        var backup = CostCalculator.Compute(inputs).Products.Single(p => p.ProductSlug == "jetpack-backup-daily");

        Assert.Equal(28m + 24m, backup.Revenue);
        Assert.Contains("against the default currency EUR", CostCalculator.Compute(inputs).Comparison, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_usd_in_whmcs_revenue_in_other_currencies_is_not_compared_and_says_what_to_do()
    {
        var inputs = Seeded(usdIsDefault: true);
        inputs = inputs with { Prices = inputs.Prices with { Currencies = [new WhmcsCurrency(2, "EUR", "", " EUR", 1m, true)] } };

        var report = CostCalculator.Compute(inputs);

        Assert.Null(report.Products.Single(p => p.ProductSlug == "jetpack-backup-daily").Revenue);
        Assert.Null(report.TotalMargin);
        Assert.StartsWith("WHMCS has no USD currency", report.Comparison, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Monthly", 10)]
    [InlineData("Quarterly", 9)]
    [InlineData("Semi-Annually", 8)]
    [InlineData("Annually", 7)]
    [InlineData("Biennially", 6)]
    [InlineData("Triennially", 5)]
    [InlineData("One Time", 0)]
    [InlineData("Free Account", 0)]
    public void Every_cycle_is_brought_to_a_monthly_figure(string cycle, decimal expected)
    {
        var prices = new CyclePrices(10m, 27m, 48m, 84m, 144m, 180m);

        Assert.Equal(expected, MonthlyFigure.OfCycle(prices, "recurring", cycle));
    }

    [Fact]
    public void A_cycle_that_is_not_offered_has_no_monthly_figure_and_a_day_price_is_a_365_day_year_over_12()
    {
        Assert.Null(MonthlyFigure.OfCycle(None, "recurring", "Monthly"));
        Assert.Equal(0m, MonthlyFigure.OfCycle(None, "free", "Monthly"));
        Assert.Equal(36.5m, decimal.Round(MonthlyFigure.OfPartnerPrice(1.2m, "day"), 10));
    }

    [Fact]
    public void A_price_change_is_shown_with_the_day_it_took_effect_and_the_price_before()
    {
        PartnerPrice Day(int day, decimal amount) => new(Today.AddDays(day), "fp", "jetpack-scan", "Jetpack Scan", "usd", amount, "month");

        var current = PartnerPriceHistory.Current([Day(-4, 4.50m), Day(-3, 4.50m), Day(-2, 4.95m), Day(-1, 4.95m), Day(0, 4.95m)])["jetpack-scan"];

        Assert.Equal((4.95m, Today.AddDays(-2), Today, (decimal?)4.50m), (current.Amount, current.Since, current.LastSeen, current.Previous));
    }

    private static CostInputs Seeded(bool usdIsDefault)
    {
        WhmcsCurrency[] currencies = usdIsDefault
            ? [new(1, "USD", "$", "", 1m, true), new(2, "EUR", "", " EUR", 0.5m, false)]
            : [new(2, "EUR", "", " EUR", 1m, true), new(1, "USD", "$", "", 2m, false)];
        return new CostInputs(
            [
                new JetpackCatalogItem(ModuleEntity.Product, 1, "Backup", "jetpack-backup-daily", "t", "on", true, false),
                new JetpackCatalogItem(ModuleEntity.Addon, 7, "Scan", "jetpack-scan", "t", "on", true, false),
            ],
            new PriceList(currencies,
            [
                new JetpackPrice(ModuleEntity.Product, 1, 1, "recurring", None with { Monthly = 10m, Annually = 96m }),
                new JetpackPrice(ModuleEntity.Product, 1, 2, "recurring", None with { Monthly = 4m }),
                new JetpackPrice(ModuleEntity.Addon, 7, 1, "recurring", None with { Monthly = 5m, Quarterly = 30m }),
            ]),
            [
                new ActiveServiceCount(ModuleEntity.Product, 1, 1, "Monthly", 2),
                new ActiveServiceCount(ModuleEntity.Product, 1, 1, "Annually", 1),
                new ActiveServiceCount(ModuleEntity.Product, 1, 2, "Monthly", 3),
                new ActiveServiceCount(ModuleEntity.Addon, 7, 1, "Quarterly", 4),
            ],
            [
                new PartnerPrice(Today, "fp", "jetpack-backup-daily", "Jetpack Backup (Daily)", "usd", 3.95m, "month"),
                new PartnerPrice(Today, "fp", "jetpack-scan", "Jetpack Scan", "usd", 0.20m, "day"),
            ],
            new Dictionary<string, long> { ["jetpack-backup-daily"] = 7, ["jetpack-scan"] = 5, [""] = 2 },
            []);
    }
}
