namespace JetpackWhmcs.Whmcs.Pricing;

/// <summary>
/// The recurring prices of one product or addon in one currency (<c>tblpricing</c>). WHMCS stores
/// <c>-1.00</c> for a cycle that is not offered; for a one-time product the price sits in
/// <see cref="Monthly"/>.
/// </summary>
public sealed record CyclePrices(decimal Monthly, decimal Quarterly, decimal Semiannually, decimal Annually, decimal Biennially, decimal Triennially)
{
    /// <summary>The value WHMCS stores for a cycle that is not offered.</summary>
    public const decimal NotOffered = -1.00m;
}
