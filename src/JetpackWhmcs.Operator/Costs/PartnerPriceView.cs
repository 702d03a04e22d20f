namespace JetpackWhmcs.Operator.Costs;

/// <summary>A product's current partner price, with the day it took effect and the price before it.</summary>
/// <param name="ProductSlug">The Jetpack product.</param>
/// <param name="ProductName">Its name.</param>
/// <param name="Currency">The partner's currency, upper case (<c>USD</c>).</param>
/// <param name="Amount">The price per <paramref name="Interval"/>.</param>
/// <param name="Interval"><c>month</c> or <c>day</c>.</param>
/// <param name="Monthly">Its monthly figure.</param>
/// <param name="Since">The first stored day of this price (in a row of days with the same price).</param>
/// <param name="LastSeen">The latest stored day.</param>
/// <param name="Previous">The price before it (per the same interval), when a change was stored.</param>
public sealed record PartnerPriceView(string ProductSlug, string ProductName, string Currency, decimal Amount, string Interval, decimal Monthly, DateOnly Since, DateOnly LastSeen, decimal? Previous);
