namespace JetpackWhmcs.Whmcs.Pricing;

/// <summary>The installation's currencies and the selling prices of its Jetpack products and addons.</summary>
/// <param name="Currencies">Every currency, the default one first.</param>
/// <param name="Prices">One entry per (product or addon, currency) that has a <c>tblpricing</c> row.</param>
public sealed record PriceList(IReadOnlyList<WhmcsCurrency> Currencies, IReadOnlyList<JetpackPrice> Prices)
{
    /// <summary>Nothing: the answer when WHMCS's tables are not available.</summary>
    public static PriceList Empty { get; } = new([], []);
}
