using System.Text.Json;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Parameters;
using JetpackWhmcs.Provisioning.Security;

namespace JetpackWhmcs.Provisioning.Tests.Parameters;

public sealed class ModuleParametersTests
{
    private static ModuleParameters Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(ModuleParameters.TryParse(document.RootElement, out var parameters, out var error), error);
        return parameters;
    }

    [Fact]
    public void Ids_arrive_as_numbers_or_numeric_strings_and_the_addon_owns_the_licence_when_set()
    {
        var p = Parse("""{"serviceid":"12","addonId":7,"orderid":"99","pid":3,"domain":" example.com "}""");
        Assert.Equal(LicenseOwner.Addon(7), p.Owner);
        Assert.Equal(12, p.ParentServiceId);
        Assert.Equal(99, p.OrderId);
        Assert.Equal(3, p.ProductId);
        Assert.Equal("example.com", p.Domain);

        Assert.Equal(LicenseOwner.Service(12), Parse("""{"serviceid":12,"addonId":""}""").Owner);
        Assert.Equal(LicenseOwner.Service(12), Parse("""{"serviceid":12,"addonId":0}""").Owner);
        Assert.Null(Parse("[]").Owner);
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("anything", true)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("off", false)]
    [InlineData("NO", false)]
    public void Yes_no_settings_are_true_for_any_non_empty_value_but_0_off_no(string value, bool expected)
    {
        Assert.Equal(expected, YesNo.IsYes(value));
        Assert.Equal(expected, Parse($$"""{"configoption3":"{{value}}"}""").Settings.ShowLicense);
    }

    [Fact]
    public void Settings_keep_the_original_positions_and_ours_follow()
    {
        var s = Parse("""{"configoption1":" tok ","configoption2":"jetpack-scan","configoption3":"on","configoption4":"detach","configoption5":"on","configoption6":"on"}""").Settings;
        Assert.Equal("tok", s.Token);
        Assert.Equal("jetpack-scan", s.ProductSlug);
        Assert.True(s.ShowLicense);
        Assert.Equal(SuspensionPolicy.Detach, s.SuspensionPolicy);
        Assert.True(s.AttachOnCreate);
        Assert.True(s.DetachEmailsSiteOwner);
        Assert.Equal(SuspensionPolicy.Keep, Parse("{}").Settings.SuspensionPolicy);
    }

    [Fact]
    public void The_token_fingerprint_is_stable_short_and_does_not_contain_the_token()
    {
        var fingerprint = TokenFingerprint.Of("secret-token");
        Assert.Equal(16, fingerprint.Length);
        Assert.Equal(fingerprint, TokenFingerprint.Of("secret-token"));
        Assert.NotEqual(fingerprint, TokenFingerprint.Of("secret-token2"));
        Assert.DoesNotContain("secret", fingerprint, StringComparison.Ordinal);
    }
}
