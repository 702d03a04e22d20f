using System.Net;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Sandbox;
using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>Every API error the sandbox produces, with every field of the exception.</summary>
public sealed class ErrorContractTests
{
    private static void AssertRefusal(JetpackApiException ex, RecordedRequest sent, HttpStatusCode status, string code, string messageStart)
    {
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.NotNull(ex.ApiMessage);
        Assert.Equal(sent.RequestId, ex.RequestId);
        Assert.False(string.IsNullOrEmpty(ex.RequestId));
        Assert.Null(ex.RawBody);
        Assert.False(ex.MayHaveBeenCarriedOut);
        Assert.Null(ex.RetryAfter);
        Assert.StartsWith(messageStart, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{code}: {ex.ApiMessage!.TrimEnd('.')}", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(request id {sent.RequestId}).", ex.Message, StringComparison.Ordinal);
        Assert.Equal((int)status, sent.StatusCode);
        AssertNoSecret(ex);
    }

    [Fact]
    public async Task Unknown_token_is_403_invalid_token_with_advice_to_check_the_token()
    {
        await using var h = await StartAsync();

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.IssueLicenseAsync(UnknownToken, "jetpack-scan"));

        var sent = h.SingleRequest();
        AssertSent(sent, "POST", "license", "?product=jetpack-scan", UnknownToken, """{"product":"jetpack-scan"}""");
        AssertRefusal(ex, sent, HttpStatusCode.Forbidden, "invalid_token", "Jetpack refused to issue a jetpack-scan licence: invalid_token: ");
        Assert.Contains("check the partner API token", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Server.Store.TotalCount);
    }

    [Fact]
    public async Task Unknown_token_on_a_read_is_403_and_not_retried()
    {
        await using var h = await StartAsync();

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.GetPartnerProductFamiliesAsync(UnknownToken));

        AssertRefusal(ex, h.SingleRequest(), HttpStatusCode.Forbidden, "invalid_token",
            "Jetpack refused to list the partner's product prices: invalid_token: ");
    }

    [Fact]
    public async Task Unknown_product_is_400_invalid_product_and_issues_nothing()
    {
        await using var h = await StartAsync();

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.IssueLicenseAsync(TokenA, "jetpack-teleport"));

        var sent = h.SingleRequest();
        AssertSent(sent, "POST", "license", "?product=jetpack-teleport", TokenA, """{"product":"jetpack-teleport"}""");
        AssertRefusal(ex, sent, HttpStatusCode.BadRequest, "invalid_product", "Jetpack refused to issue a jetpack-teleport licence: invalid_product: ");
        Assert.Contains("jetpack-teleport", ex.ApiMessage, StringComparison.Ordinal);
        Assert.Equal(0, h.Server.Store.TotalCount);
    }

    [Fact]
    public async Task Revoking_a_revoked_licence_is_license_already_revoked()
    {
        await using var h = await StartAsync();
        var stored = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
        h.Server.Store.RevokeDirect(TokenA, stored.LicenseKey);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.RevokeLicenseAsync(TokenA, stored.LicenseKey));

        var sent = h.SingleRequest();
        AssertSent(sent, "DELETE", "license", $"?license_key={stored.LicenseKey}", TokenA);
        AssertRefusal(ex, sent, HttpStatusCode.BadRequest, "license_already_revoked", $"Jetpack refused to revoke licence {stored.LicenseKey}: ");
    }

    [Fact]
    public async Task Attaching_a_revoked_licence_is_license_revoked()
    {
        await using var h = await StartAsync();
        var stored = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
        h.Server.Store.RevokeDirect(TokenA, stored.LicenseKey);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.AttachLicenseAsync(TokenA, stored.LicenseKey, "https://example.com/"));

        var sent = h.SingleRequest();
        AssertSent(sent, "POST", $"license/{stored.LicenseKey}/site", "?site=https%3A%2F%2Fexample.com%2F", TokenA, """{"site":"https://example.com/"}""");
        AssertRefusal(ex, sent, HttpStatusCode.BadRequest, "license_revoked",
            $"Jetpack refused to attach licence {stored.LicenseKey} to https://example.com/: license_revoked: ");
        Assert.False(h.Server.Store.Find(TokenA, stored.LicenseKey)!.IsAttached);
    }

    [Fact]
    public async Task Detaching_an_unattached_licence_is_license_not_attached()
    {
        await using var h = await StartAsync();
        var stored = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.DetachLicenseAsync(TokenA, stored.LicenseKey));

        var sent = h.SingleRequest();
        AssertSent(sent, "DELETE", $"license/{stored.LicenseKey}/site", "?cancellation_email=1", TokenA);
        AssertRefusal(ex, sent, HttpStatusCode.BadRequest, "license_not_attached",
            $"Jetpack refused to detach licence {stored.LicenseKey} from its site: license_not_attached: ");
    }

    [Fact]
    public async Task An_unknown_key_is_404_license_not_found_with_advice_to_check_the_key()
    {
        await using var h = await StartAsync();

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.GetLicenseAsync(TokenA, "jetpack-scan_doesnotexist"));

        var sent = h.SingleRequest();
        AssertSent(sent, "GET", "license", "?license_key=jetpack-scan_doesnotexist", TokenA);
        AssertRefusal(ex, sent, HttpStatusCode.NotFound, "license_not_found", "Jetpack refused to read licence jetpack-scan_doesnotexist: license_not_found: ");
        Assert.Contains("check the licence key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_of_another_token_is_not_found()
    {
        await using var h = await StartAsync();
        var others = h.Server.Store.IssueDirect(TokenB, "jetpack-scan");

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.RevokeLicenseAsync(TokenA, others.LicenseKey));

        AssertRefusal(ex, h.SingleRequest(), HttpStatusCode.NotFound, "license_not_found", $"Jetpack refused to revoke licence {others.LicenseKey}: ");
        Assert.Null(h.Server.Store.Find(TokenB, others.LicenseKey)!.RevokedAt);
    }

    [Fact]
    public async Task A_per_page_beyond_the_maximum_is_a_400_from_the_api()
    {
        await using var h = await StartAsync();

        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => h.Client.ListLicensesAsync(TokenA, new LicenseListQuery { PerPage = 1000 }));

        var sent = h.SingleRequest();
        AssertSent(sent, "GET", "licenses", "?page=1&per_page=1000", TokenA);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(sent.RequestId, ex.RequestId);
        Assert.False(ex.MayHaveBeenCarriedOut);
        AssertNoSecret(ex);
    }
}
