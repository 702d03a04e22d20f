namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>A row of <c>tblcurrencies</c>.</summary>
internal sealed class CurrencyRow
{
    public long Id { get; set; }

    public string? Code { get; set; }

    public string? Prefix { get; set; }

    public string? Suffix { get; set; }

    public decimal Rate { get; set; }

    public long IsDefault { get; set; }
}
