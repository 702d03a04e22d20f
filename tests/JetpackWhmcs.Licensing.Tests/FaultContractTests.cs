using JetpackWhmcs.Sandbox;
using static JetpackWhmcs.Licensing.Tests.SandboxHarness;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>
/// Every sandbox fault kind against every write, on a warm keep-alive connection: the client reports
/// that the write may have been carried out, and the sandbox received exactly one request.
/// </summary>
public sealed class FaultContractTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    public static TheoryData<FaultKind, string> KindsAndWrites()
    {
        var data = new TheoryData<FaultKind, string>();
        foreach (var kind in new[]
        {
            FaultKind.GracefulClose, FaultKind.LostAnswerDropConnection, FaultKind.CloseAfterHeaders, FaultKind.TruncatedBody,
            FaultKind.LateAnswer, FaultKind.Failure, FaultKind.LostAnswerHttp500,
        })
        {
            foreach (var write in new[] { "issue", "revoke", "attach", "detach" })
            {
                data.Add(kind, write);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndWrites))]
    public async Task A_write_that_suffers_the_fault_may_have_been_carried_out_and_reached_the_sandbox_once(FaultKind kind, string write)
    {
        await using var h = await StartAsync(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(400));
        h.Server.Faults.LateAnswerDelay = TimeSpan.FromSeconds(3);
        var license = h.Server.Store.IssueDirect(TokenA, "jetpack-scan");
        if (write == "detach")
        {
            h.Server.Store.AttachDirect(TokenA, license.LicenseKey, "https://a.example.com/");
        }

        var (endpoint, call) = write switch
        {
            "issue" => (SandboxEndpoint.IssueLicense, (Func<Task>)(() => h.Client.IssueLicenseAsync(TokenA, "jetpack-scan"))),
            "revoke" => (SandboxEndpoint.RevokeLicense, () => h.Client.RevokeLicenseAsync(TokenA, license.LicenseKey)),
            "attach" => (SandboxEndpoint.AttachLicense, () => h.Client.AttachLicenseAsync(TokenA, license.LicenseKey, "https://b.example.com/")),
            _ => (SandboxEndpoint.DetachLicense, () => h.Client.DetachLicenseAsync(TokenA, license.LicenseKey)),
        };
        await h.Client.GetLicenseAsync(TokenA, license.LicenseKey); // warms the keep-alive connection
        h.Server.ClearRequests();
        var handedBefore = h.Counter.Count; // the warm-up may itself have been retried on a cold, slow start
        h.Server.Faults.FailNext(endpoint, 1, kind);

        var ex = await Assert.ThrowsAsync<JetpackApiException>(call);
        await Task.Delay(Settle);

        Assert.True(ex.MayHaveBeenCarriedOut, ex.Message);
        Assert.Contains("it may have been done, so check the licence before trying again", ex.Message, StringComparison.Ordinal);
        var received = Assert.Single(h.Server.Requests);
        Assert.Equal(endpoint, received.Endpoint);
        Assert.Equal(kind, received.Fault);
        Assert.Equal(1, h.Server.Counters.Received(endpoint));
        Assert.Equal(1, h.Counter.Count - handedBefore);
        AssertNoSecret(ex);

        // Before-work failures did nothing; every other kind did the work.
        var after = h.Server.Store.LicensesOf(TokenA);
        var done = write switch
        {
            "issue" => after.Count == 2,
            "revoke" => after[0].IsRevoked,
            "attach" => after[0].SiteUrl == "https://b.example.com",
            _ => !after[0].IsAttached,
        };
        Assert.Equal(kind != FaultKind.Failure, done);
    }
}
