using System.Globalization;

namespace JetpackWhmcs.Whmcs.ClientArea;

/// <summary>
/// WHMCS's number formats for a currency (<c>tblcurrencies.format</c>), so a price reads in the client
/// area as WHMCS prints it everywhere else: 1 = <c>1234.56</c>, 2 = <c>1,234.56</c>, 3 = <c>1.234,56</c>,
/// 4 = <c>1,234</c> (whole units). Any other value is read as 1, WHMCS's default.
/// </summary>
public static class WhmcsPriceFormat
{
    /// <summary>The amount in format <paramref name="format"/>.</summary>
    public static string Format(decimal amount, int format) => format switch
    {
        2 => Grouped(amount, ",", ".", 2),
        3 => Grouped(amount, ".", ",", 2),
        4 => Grouped(decimal.Round(amount, 0, MidpointRounding.AwayFromZero), ",", ".", 0),
        _ => amount.ToString("0.00", CultureInfo.InvariantCulture),
    };

    private static string Grouped(decimal amount, string group, string point, int decimals)
    {
        var format = new NumberFormatInfo { NumberGroupSeparator = group, NumberDecimalSeparator = point, NumberGroupSizes = [3] };
        return amount.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), format);
    }
}
