using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>
/// Against a plain TCP server (not Kestrel, not our sandbox): a reused keep-alive connection closed
/// gracefully after the request was read and before any response byte. SocketsHttpHandler re-sends a
/// request without content in that case on a new connection (dotnet/runtime issue 86714); a write must
/// reach the server exactly once and come back as "may have been carried out".
/// </summary>
public sealed class NoHiddenResendTests
{
    /// <summary>Long enough for a re-sent copy on a new loopback connection to arrive and be read.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    public static TheoryData<string, bool> Writes() => new()
    {
        { "issue", false }, { "issue", true },
        { "attach", false }, { "attach", true },
        { "revoke", false }, { "revoke", true },
        { "detach", false }, { "detach", true },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_whose_answer_is_lost_by_a_graceful_close_reaches_the_server_exactly_once(string write, bool warmWithARead)
    {
        await using var listener = new GracefulCloseListener();
        using var counter = new CountingHandler();
        var client = new JetpackLicensingClient(counter.CreateClient(), FastOptions(listener.BaseUrl));
        Func<Task<Models.License>> call = write switch
        {
            "issue" => () => client.IssueLicenseAsync(TokenA, "jetpack-scan"),
            "attach" => () => client.AttachLicenseAsync(TokenA, "jetpack-scan_k", "https://a.example.com/"),
            "revoke" => () => client.RevokeLicenseAsync(TokenA, "jetpack-scan_k"),
            _ => () => client.DetachLicenseAsync(TokenA, "jetpack-scan_k"),
        };
        var (method, target) = write switch
        {
            "issue" => ("POST", "/wpcom/v2/jetpack-licensing/license?product=jetpack-scan"),
            "attach" => ("POST", "/wpcom/v2/jetpack-licensing/license/jetpack-scan_k/site?site=https%3A%2F%2Fa.example.com%2F"),
            "revoke" => ("DELETE", "/wpcom/v2/jetpack-licensing/license?license_key=jetpack-scan_k"),
            _ => ("DELETE", "/wpcom/v2/jetpack-licensing/license/jetpack-scan_k/site?cancellation_email=1"),
        };

        // First call on the connection is answered 200 and leaves it warm in the pool.
        var warm = warmWithARead ? await client.GetLicenseAsync(TokenA, "jetpack-scan_k") : await call();
        Assert.Equal("jetpack-scan_tcp0000000000000000000000", warm.LicenseKey);
        var ex = await Assert.ThrowsAsync<JetpackApiException>(call);
        await Task.Delay(Settle);

        var received = listener.Received;
        var copies = received.Skip(1).Where(r => r.Method == method && r.Target == target).ToList();
        var lost = Assert.Single(copies);
        Assert.Equal(1, lost.Connection);
        Assert.Equal(2, received.Count);
        Assert.Equal(1, listener.Connections);
        Assert.Equal(2, counter.Count);
        Assert.True(ex.MayHaveBeenCarriedOut);
        Assert.Null(ex.StatusCode);
        Assert.Contains("it may have been done, so check the licence before trying again", ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex);

        // What the request carried: issue and attach their JSON body, revoke and detach empty content.
        var expectedBody = write switch
        {
            "issue" => """{"product":"jetpack-scan"}""",
            "attach" => """{"site":"https://a.example.com/"}""",
            _ => "",
        };
        Assert.Equal(expectedBody, lost.Body);
        Assert.Equal(expectedBody.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), lost.ContentLength);
    }

    [Fact]
    public async Task A_read_whose_answer_is_lost_by_a_graceful_close_is_sent_again_and_succeeds()
    {
        await using var listener = new GracefulCloseListener();
        using var counter = new CountingHandler();
        var client = new JetpackLicensingClient(counter.CreateClient(), FastOptions(listener.BaseUrl));

        await client.GetLicenseAsync(TokenA, "jetpack-scan_k");
        var license = await client.GetLicenseAsync(TokenA, "jetpack-scan_k");
        await Task.Delay(Settle);

        // Observed: the client hands the second read to the handler once (counter 2), and the handler
        // itself re-sends it on a new connection, where it is that connection's first request and is
        // answered. Harmless for a read, and our own retry rule would send it again anyway.
        Assert.Equal("jetpack-scan_tcp0000000000000000000000", license.LicenseKey);
        Assert.Equal(2, counter.Count);
        Assert.Equal(3, listener.Received.Count);
        Assert.Equal(2, listener.Connections);
        Assert.All(listener.Received, r => Assert.Equal("GET", r.Method));
        Assert.All(listener.Received, r => Assert.Null(r.ContentLength));
    }
}
