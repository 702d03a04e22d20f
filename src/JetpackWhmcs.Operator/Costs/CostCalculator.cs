using JetpackWhmcs.Whmcs.Catalog;

namespace JetpackWhmcs.Operator.Costs;

/// <summary>
/// Computes the cost report: per Jetpack product, billed licences × the partner's monthly price = the
/// monthly cost; per active WHMCS service and addon, its cycle's price in its client's currency as a
/// monthly figure = the monthly revenue; the margin and the flags in the partner's currency. Decimal
/// throughout; rounding is left to the display.
/// </summary>
public static class CostCalculator
{
    /// <summary>Computes the report from <paramref name="inputs"/>.</summary>
    public static CostReport Compute(CostInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var partnerPrices = PartnerPriceHistory.Current(inputs.PartnerPrices);
        var partnerCurrency = partnerPrices.Values.Select(p => p.Currency).FirstOrDefault() ?? "USD";
        var currencies = new CurrencyComparison(inputs.Prices.Currencies, partnerCurrency);
        var catalog = inputs.Catalog.ToDictionary(c => (c.Entity, c.Id));
        var slugs = inputs.BilledLicenses.Keys
            .Concat(inputs.Catalog.Select(c => c.ProductSlug).Where(s => s.Length > 0))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        var lines = slugs.Select(slug => Line(slug, inputs, catalog, partnerPrices.GetValueOrDefault(slug), currencies)).ToList();
        var revenueByCurrency = Sum(lines.SelectMany(l => l.RevenueByCurrency));
        decimal? totalRevenue = lines.Any(l => l.Revenue is null && l.RevenueByCurrency.Count > 0) ? null : lines.Sum(l => l.Revenue ?? 0m);
        var totalCost = lines.Sum(l => l.MonthlyCost ?? 0m);
        return new CostReport
        {
            Products = lines,
            PartnerCurrency = partnerCurrency,
            TotalCost = totalCost,
            TotalRevenueByCurrency = revenueByCurrency,
            TotalRevenue = totalRevenue,
            TotalMargin = totalRevenue - totalCost,
            Comparison = currencies.Sentence,
            Problems = inputs.Problems,
        };
    }

    private static ProductCost Line(
        string slug, CostInputs inputs, Dictionary<(Whmcs.Tokens.ModuleEntity, long), JetpackCatalogItem> catalog, PartnerPriceView? price, CurrencyComparison currencies)
    {
        var items = inputs.Catalog.Where(c => c.ProductSlug == slug).ToList();
        var billed = inputs.BilledLicenses.GetValueOrDefault(slug);
        var revenue = new Dictionary<string, decimal>(StringComparer.Ordinal);
        decimal? converted = 0m;
        long services = 0;
        foreach (var count in inputs.Services.Where(s => catalog.TryGetValue((s.Entity, s.Id), out var item) && item.ProductSlug == slug))
        {
            services += count.Count;
            var currency = currencies.ById(count.CurrencyId);
            var sheet = inputs.Prices.Prices.FirstOrDefault(p => p.Entity == count.Entity && p.Id == count.Id && p.CurrencyId == count.CurrencyId);
            var monthly = sheet is null ? null : MonthlyFigure.OfCycle(sheet.Prices, sheet.PaymentType, count.BillingCycle);
            if (currency is null || monthly is null)
            {
                // A price WHMCS does not hold for that currency or cycle cannot be summed: the total is unknown, not smaller.
                converted = null;
                continue;
            }

            var amount = monthly.Value * count.Count;
            revenue[currency.Code] = revenue.GetValueOrDefault(currency.Code) + amount;
            converted += currencies.ToPartner(amount, currency);
        }

        var cost = price is null ? (decimal?)null : price.Monthly * billed;
        return new ProductCost
        {
            ProductSlug = slug,
            ProductName = price?.ProductName ?? items.FirstOrDefault()?.Name ?? (slug.Length == 0 ? "Licences of the original module (no product recorded)" : slug),
            PartnerPrice = price,
            BilledLicenses = billed,
            MonthlyCost = cost,
            ActiveServices = services,
            RevenueByCurrency = revenue,
            Revenue = converted,
            Margin = converted - cost,
            Offers = [.. items.SelectMany(item => Offers(item, inputs, price, currencies))],
        };
    }

    private static IEnumerable<PriceOffer> Offers(JetpackCatalogItem item, CostInputs inputs, PartnerPriceView? price, CurrencyComparison currencies)
    {
        foreach (var sheet in inputs.Prices.Prices.Where(p => p.Entity == item.Entity && p.Id == item.Id))
        {
            if (currencies.ById(sheet.CurrencyId) is not { } currency)
            {
                continue;
            }

            foreach (var (cycle, amount, monthly) in MonthlyFigure.Offered(sheet.Prices))
            {
                var inPartner = currencies.ToPartner(monthly, currency);
                yield return new PriceOffer(item.Entity, item.Id, item.Name, currency.Code, cycle, amount, monthly, price is not null && inPartner < price.Monthly);
            }
        }
    }

    private static Dictionary<string, decimal> Sum(IEnumerable<KeyValuePair<string, decimal>> amounts) =>
        amounts.GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(a => a.Value), StringComparer.Ordinal);
}
