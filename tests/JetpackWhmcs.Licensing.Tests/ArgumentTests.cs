using JetpackWhmcs.Licensing.Models;
using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>Argument mistakes throw the ArgumentException family and send nothing.</summary>
public sealed class ArgumentTests
{
    public static TheoryData<string, Func<IJetpackLicensingClient, Task>> Mistakes() => new()
    {
        { "null token", c => c.IssueLicenseAsync(null!, "jetpack-scan") },
        { "empty token", c => c.GetPartnerProductFamiliesAsync("") },
        { "token with a space", c => c.IssueLicenseAsync("abc def", "jetpack-scan") },
        { "token with a newline", c => c.RevokeLicenseAsync("abc\r\nX-Evil: 1", "jetpack-scan_x") },
        { "empty slug", c => c.IssueLicenseAsync(TokenA, " ") },
        { "null key", c => c.GetLicenseAsync(TokenA, null!) },
        { "key with a space", c => c.RevokeLicenseAsync(TokenA, "jetpack scan_x") },
        { "empty site", c => c.AttachLicenseAsync(TokenA, "jetpack-scan_x", "") },
        { "empty detach key", c => c.DetachLicenseAsync(TokenA, "") },
        { "null query", c => c.ListLicensesAsync(TokenA, null!) },
        { "page 0", c => c.ListLicensesAsync(TokenA, new LicenseListQuery { Page = 0 }) },
        { "per page 0", c => c.ListLicensesAsync(TokenA, new LicenseListQuery { PerPage = 0 }) },
        { "undefined filter", c => c.ListLicensesAsync(TokenA, new LicenseListQuery { Filter = (LicenseFilter)42 }) },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_throws_ArgumentException_and_sends_nothing(string mistake, Func<IJetpackLicensingClient, Task> call)
    {
        await using var h = await StartAsync();

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(h.Client));

        Assert.Empty(h.Server.Requests);
        Assert.Equal(0, h.Counter.Count);
        Assert.False(string.IsNullOrEmpty(ex.ParamName), mistake);
    }

    [Fact]
    public async Task A_bad_token_is_not_echoed_in_the_message()
    {
        var client = JetpackLicensingClientFactory.Create();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.IssueLicenseAsync("secret value", "jetpack-scan"));

        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("/relative/")]
    public void Options_with_a_bad_base_url_are_refused(string url)
    {
        var options = new JetpackLicensingOptions { BaseUrl = new Uri(url, UriKind.RelativeOrAbsolute) };

        var ex = Assert.Throws<ArgumentException>(() => JetpackLicensingClientFactory.Create(options));

        Assert.Equal(nameof(JetpackLicensingOptions.BaseUrl), ex.ParamName);
    }

    [Fact]
    public void Options_out_of_range_name_the_setting()
    {
        Assert.Equal("MaxRetries", Assert.Throws<ArgumentException>(() => new JetpackLicensingOptions { MaxRetries = -1 }.Validate()).ParamName);
        Assert.Equal("AttemptTimeout", Assert.Throws<ArgumentException>(() => new JetpackLicensingOptions { AttemptTimeout = TimeSpan.Zero }.Validate()).ParamName);
        Assert.Equal("OverallTimeout", Assert.Throws<ArgumentException>(() => new JetpackLicensingOptions { OverallTimeout = TimeSpan.FromDays(2) }.Validate()).ParamName);
        Assert.Equal("RetryBaseDelay", Assert.Throws<ArgumentException>(() => new JetpackLicensingOptions { RetryBaseDelay = TimeSpan.FromSeconds(-1) }.Validate()).ParamName);
        Assert.Equal("MaxRetryAfter", Assert.Throws<ArgumentException>(() => new JetpackLicensingOptions { MaxRetryAfter = TimeSpan.FromSeconds(-1) }.Validate()).ParamName);
        new JetpackLicensingOptions().Validate();
        Assert.Equal(new Uri(JetpackLicensingOptions.ProductionBaseUrl), JetpackLicensingClientFactory.Create().BaseUrl);
    }
}
