namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>A count of active services per product or addon, currency and cycle.</summary>
internal sealed class CountRow
{
    public string Kind { get; set; } = "";

    public long Id { get; set; }

    public long CurrencyId { get; set; }

    public string? BillingCycle { get; set; }

    public long Count { get; set; }
}
