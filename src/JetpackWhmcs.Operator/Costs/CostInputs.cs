using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Whmcs.Catalog;
using JetpackWhmcs.Whmcs.Pricing;
using JetpackWhmcs.Whmcs.Services;

namespace JetpackWhmcs.Operator.Costs;

/// <summary>What the cost report is computed from (read by <see cref="CostService"/>).</summary>
/// <param name="Catalog">The Jetpack products and addons in WHMCS.</param>
/// <param name="Prices">WHMCS's currencies and selling prices.</param>
/// <param name="Services">Active services per product or addon, currency and cycle.</param>
/// <param name="PartnerPrices">Every stored partner price, oldest day first.</param>
/// <param name="BilledLicenses">Billed licences per product slug.</param>
/// <param name="Problems">Sentences for what could not be read.</param>
public sealed record CostInputs(
    IReadOnlyList<JetpackCatalogItem> Catalog,
    PriceList Prices,
    IReadOnlyList<ActiveServiceCount> Services,
    IReadOnlyList<PartnerPrice> PartnerPrices,
    IReadOnlyDictionary<string, long> BilledLicenses,
    IReadOnlyList<string> Problems);
