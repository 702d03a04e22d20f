namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>One product's price to the partner, as <c>/partner/product-families</c> gave it on one day.</summary>
/// <param name="Day">The (UTC) day it was read; one row per day, token and product.</param>
/// <param name="TokenFingerprint">The fingerprint of the token it was read with (prices are per partner).</param>
/// <param name="ProductSlug">The Jetpack product.</param>
/// <param name="ProductName">Its name.</param>
/// <param name="Currency">The API's currency, e.g. <c>usd</c>.</param>
/// <param name="Amount">The price per <paramref name="Interval"/>.</param>
/// <param name="Interval"><c>month</c> or <c>day</c>.</param>
public sealed record PartnerPrice(DateOnly Day, string TokenFingerprint, string ProductSlug, string ProductName, string Currency, decimal Amount, string Interval);
