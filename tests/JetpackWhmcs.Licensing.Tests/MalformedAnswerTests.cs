using System.Net;
using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>Bodies the sandbox cannot produce, from a real Kestrel app: lenient where possible, clear errors otherwise.</summary>
public sealed class MalformedAnswerTests : IAsyncLifetime
{
    private OddServer server = null!;
    private JetpackLicensingClient client = null!;

    public async Task InitializeAsync()
    {
        server = await OddServer.StartAsync();
        client = JetpackLicensingClientFactory.Create(FastOptions(server.BaseUrl));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Unknown_fields_are_ignored_and_numbers_sent_as_strings_are_read()
    {
        var license = await client.GetLicenseAsync(TokenA, "lenient");

        Assert.Equal(77, license.LicenseId);
        Assert.Equal("jetpack-scan_abc", license.LicenseKey);
        Assert.Equal("2024-01-01 00:00:00", license.IssuedAt);
        Assert.Equal(12, license.BlogId);
        Assert.Null(license.RevokedAt);
    }

    [Theory]
    [InlineData("html", "a body that is not JSON instead of a licence")]
    [InlineData("nokey", "JSON that is not a licence (license_key is missing)")]
    [InlineData("nullkey", "a licence without a license_key")]
    [InlineData("truncated", "JSON that is not a licence (")]
    [InlineData("wrongtype", "JSON that is not a licence (unexpected value at $.license_id)")]
    [InlineData("empty", "an empty body instead of a licence")]
    [InlineData("array", "JSON that is not a licence (")]
    public async Task A_success_body_that_is_not_a_licence_is_a_clear_error_and_a_write_may_have_been_carried_out(string product, string problem)
    {
        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => client.IssueLicenseAsync(TokenA, product));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(OddServer.RequestId, ex.RequestId);
        Assert.Null(ex.ErrorCode);
        Assert.Null(ex.ApiMessage);
        Assert.True(ex.MayHaveBeenCarriedOut);
        Assert.StartsWith($"Jetpack answered the request to issue a {product} licence with {problem}", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"it was probably done, so check the licence before trying again (request id {OddServer.RequestId}).", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.RawBody);
        AssertNoSecret(ex);
    }

    [Fact]
    public async Task A_read_with_a_malformed_body_is_not_carried_out_and_keeps_the_raw_body()
    {
        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => client.GetLicenseAsync(TokenA, "html"));

        Assert.False(ex.MayHaveBeenCarriedOut);
        Assert.Equal("<html><body>Maintenance</body></html>", ex.RawBody);
        Assert.Contains("try again later and report it if it persists", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_with_an_html_body_keeps_the_raw_body_and_has_no_api_code()
    {
        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => client.IssueLicenseAsync(TokenA, "gateway"));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Null(ex.ApiMessage);
        Assert.Equal("<html>Bad gateway</html>", ex.RawBody);
        Assert.True(ex.MayHaveBeenCarriedOut);
        Assert.Equal(
            $"Jetpack failed while asked to issue a gateway licence (HTTP 502); it may have been done, so check the licence before trying again (request id {OddServer.RequestId}).",
            ex.Message);
    }

    [Fact]
    public async Task A_long_non_json_error_body_is_truncated()
    {
        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => client.IssueLicenseAsync(TokenA, "long"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(OddServer.LongText[..JetpackApiException.MaxRawBodyLength], ex.RawBody);
        Assert.False(ex.MayHaveBeenCarriedOut);
        Assert.Equal($"Jetpack refused to issue a long licence: HTTP 400 (request id {OddServer.RequestId}).", ex.Message);
    }

    [Fact]
    public async Task An_error_body_without_a_code_keeps_its_message_and_raw_body()
    {
        var ex = await Assert.ThrowsAsync<JetpackApiException>(() => client.IssueLicenseAsync(TokenA, "nocode"));

        Assert.Null(ex.ErrorCode);
        Assert.Equal("Something is off.", ex.ApiMessage);
        Assert.Equal("""{"message": "Something is off."}""", ex.RawBody);
        Assert.Equal($"Jetpack refused to issue a nocode licence: HTTP 400: Something is off (request id {OddServer.RequestId}).", ex.Message);
    }
}
