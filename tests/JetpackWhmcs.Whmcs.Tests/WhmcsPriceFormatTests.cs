using JetpackWhmcs.Whmcs.ClientArea;

namespace JetpackWhmcs.Whmcs.Tests;

public sealed class WhmcsPriceFormatTests
{
    [Theory]
    [InlineData(1, "1234567.50")]
    [InlineData(2, "1,234,567.50")]
    [InlineData(3, "1.234.567,50")]
    [InlineData(4, "1,234,568")]
    [InlineData(0, "1234567.50")]
    [InlineData(9, "1234567.50")]
    public void Each_of_whmcss_currency_formats_prints_as_whmcs_does(int format, string expected) =>
        Assert.Equal(expected, WhmcsPriceFormat.Format(1234567.5m, format));

    [Fact]
    public void A_small_price_has_no_group_separator_and_keeps_its_cents() =>
        Assert.Equal(("9.00", "9,00", "9"), (WhmcsPriceFormat.Format(9m, 2), WhmcsPriceFormat.Format(9m, 3), WhmcsPriceFormat.Format(9m, 4)));
}
