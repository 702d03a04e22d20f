namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>A row of the prices table; the amount in ten-thousandths, so both databases store it exactly as an integer.</summary>
internal sealed class PriceRow
{
    public string Day { get; set; } = "";

    public string TokenFingerprint { get; set; } = "";

    public string ProductSlug { get; set; } = "";

    public string ProductName { get; set; } = "";

    public string Currency { get; set; } = "";

    public long Amount { get; set; }

    public string PriceInterval { get; set; } = "";
}
