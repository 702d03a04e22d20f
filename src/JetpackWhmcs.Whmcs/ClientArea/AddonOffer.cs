namespace JetpackWhmcs.Whmcs.ClientArea;

/// <summary>
/// A Jetpack product addon the host sells for one of the client's hosting services, priced in the
/// client's currency: what the client-area upsell offers.
/// </summary>
/// <param name="ServiceId">The client's hosting service (<c>tblhosting.id</c>) it would be added to.</param>
/// <param name="ServiceDomain">That service's domain.</param>
/// <param name="ProductName">That service's product name.</param>
/// <param name="AddonId">The addon (<c>tbladdons.id</c>).</param>
/// <param name="AddonName">The addon's name.</param>
/// <param name="BillingCycle">The cycle the price is for, as WHMCS names it (<c>Monthly</c>, <c>Annually</c>, <c>Free</c>, ...).</param>
/// <param name="Price">The recurring (or one-time) price; 0 for a free addon.</param>
/// <param name="CurrencyCode">The client's currency (<c>USD</c>).</param>
/// <param name="CurrencyPrefix">WHMCS's prefix for it (<c>$</c>).</param>
/// <param name="CurrencySuffix">WHMCS's suffix for it (<c> USD</c>).</param>
/// <param name="CurrencyFormat">WHMCS's number format for it (<c>tblcurrencies.format</c>, see <see cref="WhmcsPriceFormat"/>).</param>
public sealed record AddonOffer(
    long ServiceId,
    string ServiceDomain,
    string ProductName,
    long AddonId,
    string AddonName,
    string BillingCycle,
    decimal Price,
    string CurrencyCode,
    string CurrencyPrefix,
    string CurrencySuffix,
    int CurrencyFormat)
{
    /// <summary>The price as WHMCS shows it to the client: prefix, the number in the currency's format, suffix (<c>€1.234,50 EUR</c>).</summary>
    public string PriceText => CurrencyPrefix + WhmcsPriceFormat.Format(Price, CurrencyFormat) + CurrencySuffix;
}
