using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Operator.Costs;

/// <summary>One selling price of a Jetpack product or addon (a cycle in a currency) beside the partner's cost.</summary>
/// <param name="Entity">Product or addon.</param>
/// <param name="Id">Its WHMCS id.</param>
/// <param name="Name">Its WHMCS name.</param>
/// <param name="Currency">The currency code.</param>
/// <param name="Cycle">The billing cycle.</param>
/// <param name="Price">The cycle's price.</param>
/// <param name="Monthly">Its monthly figure in that currency.</param>
/// <param name="BelowCost">True when its monthly figure, brought to the partner's currency, is below the partner's monthly price.</param>
public sealed record PriceOffer(ModuleEntity Entity, long Id, string Name, string Currency, string Cycle, decimal Price, decimal Monthly, bool BelowCost);
