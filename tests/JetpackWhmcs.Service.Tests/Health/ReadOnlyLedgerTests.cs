using System.Net;
using JetpackWhmcs.Service.Tests.Support;
using MySqlConnector;

namespace JetpackWhmcs.Service.Tests.Health;

/// <summary>
/// Issue 11, finding 3: a ledger the service can read but not write. The tests run as root, for whom
/// file modes do not stop a write, so the ledger is made unwritable the way a database does it: a
/// MariaDB user with every right the service's start needs except INSERT, UPDATE and DELETE.
/// </summary>
public sealed class ReadOnlyLedgerTests
{
    [Fact]
    public async Task Health_fails_and_a_changing_call_gets_a_503_sentence_while_reads_still_answer()
    {
        await using var database = await TestMariaDb.CreateAsync();
        await using (var writable = await ServiceUnderTest.StartAsync(database.ConnectionString))
        {
            Assert.Equal("success", (await writable.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(1))).ResultText);
        }

        var user = "jw_ro_" + Guid.NewGuid().ToString("N")[..8];
        var password = "ro-" + Guid.NewGuid().ToString("N");
        await database.ExecuteAsync($"CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'");
        try
        {
            await database.ExecuteAsync($"GRANT SELECT, CREATE, ALTER, INDEX ON {database.Name}.* TO '{user}'@'%'");
            var readOnly = new MySqlConnectionStringBuilder(database.ConnectionString) { UserID = user, Password = password }.ConnectionString;
            await using var service = await ServiceUnderTest.StartAsync(readOnly);
            using var health = await service.Http.GetAsync(new Uri("healthz", UriKind.Relative));
            var healthText = await health.Content.ReadAsStringAsync();
            Assert.True(health.StatusCode == HttpStatusCode.ServiceUnavailable, healthText);
            Assert.Contains("the licence ledger cannot be written", healthText, StringComparison.Ordinal);
            Assert.DoesNotContain(password, healthText, StringComparison.Ordinal);

            var view = await service.Whmcs.CallAsync("ClientArea", ServiceUnderTest.ServiceParams(1));
            Assert.True(view.Status == HttpStatusCode.OK, view.Body);
            Assert.Contains("jetpack-backup-daily_", view.Body, StringComparison.Ordinal);

            var requestsBefore = service.Sandbox.Requests.Count;
            var create = await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(2));
            Assert.True(create.Status == HttpStatusCode.ServiceUnavailable, create.Body);
            Assert.Contains("The licence ledger cannot be written", create.Error, StringComparison.Ordinal);
            Assert.EndsWith("nothing was done.", create.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(password, create.Body, StringComparison.Ordinal);
            Assert.Equal(requestsBefore, service.Sandbox.Requests.Count);
            Assert.Empty(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));
        }
        finally
        {
            await database.ExecuteAsync($"DROP USER '{user}'@'%'");
        }
    }
}
