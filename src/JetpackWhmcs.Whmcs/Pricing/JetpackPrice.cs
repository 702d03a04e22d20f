using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Whmcs.Pricing;

/// <summary>The selling prices of one Jetpack product or addon in one currency.</summary>
/// <param name="Entity">Product or addon.</param>
/// <param name="Id"><c>tblproducts.id</c> or <c>tbladdons.id</c> (<c>tblpricing.relid</c>).</param>
/// <param name="CurrencyId"><c>tblcurrencies.id</c>.</param>
/// <param name="PaymentType">
/// How it is billed: a product's <c>paytype</c> (<c>free</c>, <c>onetime</c>, <c>recurring</c>) or an
/// addon's <c>billingcycle</c> (<c>free</c>, <c>onetime</c>, <c>recurring</c> or a cycle name).
/// </param>
/// <param name="Prices">The prices per cycle.</param>
public sealed record JetpackPrice(ModuleEntity Entity, long Id, long CurrencyId, string PaymentType, CyclePrices Prices);
