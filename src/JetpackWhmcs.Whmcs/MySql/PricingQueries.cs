using Dapper;
using JetpackWhmcs.Whmcs.Pricing;
using JetpackWhmcs.Whmcs.Tokens;
using MySqlConnector;

namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>Reads the currencies and the Jetpack selling prices on an open connection.</summary>
internal static class PricingQueries
{
    public static async Task<PriceList> ReadAsync(MySqlConnection connection, CancellationToken ct)
    {
        var module = new { Module = WhmcsTables.ModuleName };
        var currencies = await connection.QueryAsync<CurrencyRow>(new CommandDefinition(PricingStatements.ListCurrencies, cancellationToken: ct));
        var products = await connection.QueryAsync<PriceRow>(new CommandDefinition(PricingStatements.ProductPrices, module, cancellationToken: ct));
        var addons = await connection.QueryAsync<PriceRow>(new CommandDefinition(PricingStatements.AddonPrices, module, cancellationToken: ct));
        return new PriceList(
            [.. currencies.Select(c => new WhmcsCurrency(c.Id, c.Code ?? "", c.Prefix ?? "", c.Suffix ?? "", c.Rate, c.IsDefault != 0))],
            [.. products.Select(p => Price(ModuleEntity.Product, p)), .. addons.Select(p => Price(ModuleEntity.Addon, p))]);
    }

    private static JetpackPrice Price(ModuleEntity entity, PriceRow row) =>
        new(entity, row.Id, row.CurrencyId, row.PaymentType?.Trim() ?? "",
            new CyclePrices(row.Monthly, row.Quarterly, row.Semiannually, row.Annually, row.Biennially, row.Triennially));
}
