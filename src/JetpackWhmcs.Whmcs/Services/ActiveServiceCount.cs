using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Whmcs.Services;

/// <summary>How many active services (or service addons) of one Jetpack product or addon are billed in one currency and cycle.</summary>
/// <param name="Entity">Product or addon.</param>
/// <param name="Id"><c>tblproducts.id</c> or <c>tbladdons.id</c>.</param>
/// <param name="CurrencyId">The clients' currency (<c>tblclients.currency</c>).</param>
/// <param name="BillingCycle">The services' cycle as WHMCS names it (<c>Monthly</c>, <c>Annually</c>, <c>One Time</c>, ...).</param>
/// <param name="Count">How many.</param>
public sealed record ActiveServiceCount(ModuleEntity Entity, long Id, long CurrencyId, string BillingCycle, long Count);
