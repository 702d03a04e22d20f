using System.Globalization;

namespace JetpackWhmcs.Service.Admin.Pages.Costs;

/// <summary>How amounts read on the Costs page: rounded to cents for display only (sums are exact decimals), with their currency code.</summary>
public static class Money
{
    /// <summary><c>USD 1,234.56</c>, or a dash when unknown.</summary>
    public static string Of(decimal? amount, string currency) =>
        amount is { } value ? $"{currency} {decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture)}" : "–";

    /// <summary>Per-currency amounts, one after the other.</summary>
    public static string Of(IReadOnlyDictionary<string, decimal> amounts) =>
        amounts.Count == 0 ? "–" : string.Join(" + ", amounts.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => Of(a.Value, a.Key)));
}
