namespace JetpackWhmcs.Whmcs.Pricing;

/// <summary>A currency of the WHMCS installation (<c>tblcurrencies</c>).</summary>
/// <param name="Id">Its id, which <c>tblpricing.currency</c> and <c>tblclients.currency</c> refer to.</param>
/// <param name="Code">ISO code, e.g. <c>USD</c>.</param>
/// <param name="Prefix">What WHMCS prints before an amount, e.g. <c>$</c>.</param>
/// <param name="Suffix">What WHMCS prints after an amount, e.g. <c> USD</c>.</param>
/// <param name="Rate">Its exchange rate against the default currency (1 for the default itself).</param>
/// <param name="IsDefault">Whether it is the installation's default currency.</param>
public sealed record WhmcsCurrency(long Id, string Code, string Prefix, string Suffix, decimal Rate, bool IsDefault);
