using System.Net;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task A_call_in_flight_when_the_service_stops_finishes_and_is_recorded()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        service.Sandbox.Faults.Latency = TimeSpan.FromMilliseconds(1500);

        var call = service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(77));
        // Stop only once the call is waiting on the API (the sandbox has seen the issue request).
        for (var i = 0; i < 200 && !service.Sandbox.Requests.Any(r => r.Method == "POST"); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(service.Sandbox.Requests, r => r.Method == "POST");
        var stopping = service.App.StopAsync();
        var response = await call;
        await stopping;

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("success", response.ResultText);
        var row = await service.Ledger.FindBySlotAsync("service:77");
        Assert.Equal(LicenseState.Active, row!.State);
        Assert.Equal(row.LicenseKey, Assert.Single(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token)).LicenseKey);
    }
}
