namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>A row of <c>tblpricing</c> with its product's or addon's payment type.</summary>
internal sealed class PriceRow
{
    public long Id { get; set; }

    public string? PaymentType { get; set; }

    public long CurrencyId { get; set; }

    public decimal Monthly { get; set; }

    public decimal Quarterly { get; set; }

    public decimal Semiannually { get; set; }

    public decimal Annually { get; set; }

    public decimal Biennially { get; set; }

    public decimal Triennially { get; set; }
}
