using JetpackWhmcs.Ledger;
using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

public sealed class BackgroundRecoveryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)] // the token is known only from the module call itself (kept in memory)
    public async Task A_claim_left_pending_by_a_lost_answer_is_adopted_by_the_background_recovery(bool tokenConfigured)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RecoveryInterval"] = "00:00:01",
        };
        if (tokenConfigured)
        {
            settings["Tokens:0"] = ServiceUnderTest.Token;
        }

        await using var service = await ServiceUnderTest.StartAsync(settings: settings);
        // The licence is issued but its answer lost, and the engine's own immediate look-up fails too,
        // so the claim stays pending for the background job.
        service.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.LostAnswer);
        service.Sandbox.Faults.FailNext(SandboxEndpoint.ListLicenses, 8, FaultKind.Failure);

        var create = await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(31));
        Assert.NotEqual("success", create.ResultText);
        var issued = Assert.Single(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));

        // The service keeps the production grace: the claim is made old instead (a take-over to a past time).
        var pending = (await service.Ledger.FindBySlotAsync("service:31"))!;
        Assert.True(await service.Ledger.TryTakeOverClaimAsync(pending.Id, pending.ClaimId!, Guid.NewGuid().ToString("N"), DateTime.UtcNow.AddMinutes(-10)));

        LicenseRecord? row = null;
        for (var i = 0; i < 200; i++)
        {
            row = await service.Ledger.FindBySlotAsync("service:31");
            if (row?.State == LicenseState.Active)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(LicenseState.Active, row?.State);
        Assert.Equal(issued.LicenseKey, row!.LicenseKey);
        Assert.Single(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));
    }
}
