namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>The SQL that reads the currencies and the Jetpack products' and addons' selling prices.</summary>
internal static class PricingStatements
{
    public static readonly string[] Tables = [WhmcsTables.Products, WhmcsTables.Addons, WhmcsTables.Pricing, WhmcsTables.Currencies];

    public const string ListCurrencies =
        $"SELECT id AS Id, code AS Code, prefix AS Prefix, suffix AS Suffix, rate AS Rate, `default` AS IsDefault FROM {WhmcsTables.Currencies} ORDER BY `default` DESC, id";

    private const string Cycles =
        "pr.currency AS CurrencyId, pr.monthly AS Monthly, pr.quarterly AS Quarterly, pr.semiannually AS Semiannually, " +
        "pr.annually AS Annually, pr.biennially AS Biennially, pr.triennially AS Triennially";

    public const string ProductPrices =
        $"SELECT p.id AS Id, p.paytype AS PaymentType, {Cycles} FROM {WhmcsTables.Pricing} pr JOIN {WhmcsTables.Products} p ON p.id = pr.relid " +
        "WHERE pr.type = 'product' AND p.servertype = @Module ORDER BY p.id, pr.currency";

    public const string AddonPrices =
        $"SELECT a.id AS Id, a.billingcycle AS PaymentType, {Cycles} FROM {WhmcsTables.Pricing} pr JOIN {WhmcsTables.Addons} a ON a.id = pr.relid " +
        "WHERE pr.type = 'addon' AND a.module = @Module ORDER BY a.id, pr.currency";
}
