using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Issuance;
using JetpackWhmcs.Provisioning.Recovery;
using JetpackWhmcs.Provisioning.Tests.Harness;
using JetpackWhmcs.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace JetpackWhmcs.Provisioning.Tests.ExactlyOnce;

/// <summary>
/// The windows issue 8 named, each closed: a key returned after its claim was taken over is kept and
/// reused, a dead holder does not block for the grace, the lease is refused when it cannot hold, the
/// audit counts what the API received, a token that cannot be sent claims nothing, and one bad token
/// never stops a recovery round. SQLite and MariaDB.
/// </summary>
public abstract class LeaseAndUnassignedTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EngineHarness? harness;

    protected abstract LedgerProvider Provider { get; }

    private EngineHarness H => harness!;

    public async Task InitializeAsync() => harness = await EngineHarness.StartAsync(Provider);

    public async Task DisposeAsync() => await H.DisposeAsync();

    [Fact]
    public async Task A_key_returned_after_its_claim_was_taken_over_is_kept_and_the_next_create_of_the_product_adopts_it()
    {
        // Between the API's answer and the ledger write, another process takes the claim over.
        var other = H.Database.CreateLedger();
        var hooks = new TakeOverBeforeRecord(other);
        var engine = EngineHarness.CreateEngine(H.CreateClientForTest(), H.Database.CreateLedger(), hooks: hooks);
        var first = await H.InvokeAsync("CreateAccount", Services.Product(601, slug: "jetpack-scan"), engine);
        output.WriteLine($"{Provider}: first Create answered {first.Outcome}: {first.Value}");

        var issued = Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
        var kept = Assert.Single(await H.Ledger.ListAsync(new LedgerQuery { State = LicenseState.Unassigned }));
        Assert.Equal(issued.LicenseKey, kept.LicenseKey);
        Assert.Equal("jetpack-scan", kept.ProductSlug);
        Assert.Null(kept.ActiveOwner);
        Assert.Contains("taken over", kept.LastError, StringComparison.Ordinal);

        // The next claim of the product (here the taker retrying for service 601, then another service)
        // uses the kept licence before anything new is bought.
        await H.BackdateClaimsAsync();
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(601, slug: "jetpack-scan")));
        Assert.Equal(issued.LicenseKey, (await H.Ledger.FindBySlotAsync("service:601"))!.LicenseKey);
        Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
        Assert.Empty(await H.Ledger.ListAsync(new LedgerQuery { State = LicenseState.Unassigned }));
    }

    [Fact]
    public async Task A_claim_whose_holder_restarted_is_recovered_without_waiting_for_the_grace()
    {
        // Incarnation 1 of an instance claimed service 602, the API issued, and the process was killed.
        await H.Ledger.RegisterInstanceAsync("incarnation-1", "host/abc/1", DateTime.UtcNow);
        var owner = LicenseOwner.Service(602);
        await H.Ledger.TryClaimAsync(new NewClaim
        {
            Owner = owner,
            SlotKey = owner.SlotKey,
            ClaimId = Guid.NewGuid().ToString("N"),
            OrderId = 500,
            ProductId = 9,
            ProductSlug = "jetpack-backup-daily",
            TokenFingerprint = Security.TokenFingerprint.Of(EngineHarness.Token),
            Holder = "incarnation-1",
            Now = DateTime.UtcNow,
        });
        var issued = H.Sandbox.Store.IssueDirect(EngineHarness.Token, "jetpack-backup-daily");

        // While the holder may be alive, a retry waits.
        Assert.Equal(ModuleOutcome.InProgress, (await H.InvokeAsync("CreateAccount", Services.Product(602))).Outcome);

        // Its restart (the same instance name) proves it gone; once the drain time has passed (the stop
        // is backdated by it, the margin stays as in production), the retry recovers at once.
        await H.Ledger.RegisterInstanceAsync("incarnation-2", "host/abc/1", DateTime.UtcNow);
        Assert.NotNull((await H.Ledger.GetInstanceAsync("incarnation-1"))!.StoppedAt);
        Assert.Null((await H.Ledger.GetInstanceAsync("incarnation-2"))!.StoppedAt);
        await H.Database.ExecuteAsync(
            "UPDATE jetpack_whmcs_instances SET stopped_at = @At WHERE id = 'incarnation-1'",
            new { At = DateTime.UtcNow - new ModuleEngineOptions().DeadHolderDrain - TimeSpan.FromSeconds(2) });

        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(602)));
        Assert.Equal(issued.LicenseKey, (await H.Ledger.FindBySlotAsync(owner.SlotKey))!.LicenseKey);
        Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
    }

    [Fact]
    public async Task A_grace_that_does_not_exceed_the_lease_bound_is_refused_naming_both_figures()
    {
        var exception = Assert.Throws<ArgumentException>(() => H.CreateSecondEngine(new ModuleEngineOptions { ClaimStaleAfter = TimeSpan.FromSeconds(59) }));
        Assert.Contains("00:00:59", exception.Message, StringComparison.Ordinal);
        Assert.Contains("00:01:00", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RecoveryService(H.Client, H.Ledger, TimeProvider.System, NullLogger<RecoveryService>.Instance, new ModuleEngineOptions { ClaimStaleAfter = TimeSpan.Zero }));
    }

    [Fact]
    public async Task The_audit_holds_one_row_per_attempt_and_counts_what_the_api_received()
    {
        // Reads are retried (so several attempts per call); writes lose their answers in every way.
        H.Sandbox.Faults.FailNext(SandboxEndpoint.ListLicenses, 2, FaultKind.Failure);
        H.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.GracefulClose);
        // The immediate recovery look adopts each lost licence: success either way, one licence each.
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(603)));
        H.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.TruncatedBody);
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(604)));
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(605)));
        H.Sandbox.Faults.FailNext(SandboxEndpoint.RevokeLicense, 1, FaultKind.CloseAfterHeaders);
        Assert.Equal("success", await H.CallAsync("TerminateAccount", Services.Product(605)));

        var audit = await H.Ledger.ListAuditAsync(limit: 1000);
        foreach (var (operation, endpoint) in new[] { ("issue", SandboxEndpoint.IssueLicense), ("revoke", SandboxEndpoint.RevokeLicense), ("list", SandboxEndpoint.ListLicenses), ("get", SandboxEndpoint.GetLicense) })
        {
            var audited = audit.Count(a => a.Operation == operation && a.Outcome != "not_sent");
            output.WriteLine($"{Provider} {operation}: audit {audited}, sandbox {H.Sandbox.Counters.Received(endpoint)}");
            Assert.Equal(H.Sandbox.Counters.Received(endpoint), audited);
        }

        Assert.DoesNotContain(audit, a => a.Outcome == "sent");
        Assert.Contains(audit, a => a.Operation == "list" && a.Attempt == 2);
        Assert.Equal(3, audit.Count(a => a.Operation == "issue"));
        Assert.Equal(3, H.Sandbox.Store.LicensesOf(EngineHarness.Token).Count);
    }

    [Theory]
    [InlineData("Bearer partner-token-0123456789abcdef")]
    [InlineData("\uFEFFpartner-token-0123456789abcdef")]
    [InlineData("partner-token-0123\u200D456789abcdef")]
    public async Task A_token_that_cannot_be_sent_is_refused_before_anything_is_claimed(string token)
    {
        var result = await H.InvokeAsync("CreateAccount", Services.Product(606, token: token));
        var sentence = result.Value!.GetValue<string>();
        Assert.Equal(ModuleOutcome.InvalidInput, result.Outcome);
        Assert.Contains("token", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", sentence, StringComparison.Ordinal);
        Assert.Null(await H.Ledger.FindBySlotAsync("service:606"));
        Assert.Equal(0, H.Sandbox.Counters.Total);

        // Corrected, the next Create issues at once (no claim left "in progress").
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(606)));
    }

    [Fact]
    public async Task One_token_whose_recovery_fails_does_not_stop_the_round_for_the_others()
    {
        H.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.LostAnswerHttp500);
        H.Sandbox.Faults.FailNext(SandboxEndpoint.ListLicenses, 4, FaultKind.Failure);
        Assert.NotEqual("success", await H.CallAsync("CreateAccount", Services.Product(607)));
        var badOwner = LicenseOwner.Service(608);
        await H.Ledger.TryClaimAsync(new NewClaim
        {
            Owner = badOwner,
            SlotKey = badOwner.SlotKey,
            ClaimId = Guid.NewGuid().ToString("N"),
            ProductSlug = "jetpack-scan",
            TokenFingerprint = "fingerprint-of-a-pasted-token",
            Now = DateTime.UtcNow,
        });
        await H.BackdateClaimsAsync();

        var recovery = new RecoveryService(H.Client, H.Ledger, TimeProvider.System, NullLogger<RecoveryService>.Instance);
        var report = await recovery.RecoverPendingAsync(row => row.TokenFingerprint == "fingerprint-of-a-pasted-token" ? "Bearer pasted\u200Dtoken" : EngineHarness.Token);
        Assert.Equal("service:607", Assert.Single(report.Adopted).ActiveOwner);
        Assert.Equal("service:608", Assert.Single(report.NoToken).ActiveOwner);
    }

    /// <summary>Takes the claim over from another ledger instance right after the API answered.</summary>
    private sealed class TakeOverBeforeRecord(ILicenseLedger other) : IProvisioningHooks
    {
        public async Task AfterIssuedBeforeRecordedAsync(LicenseRecord claim, License issued, CancellationToken cancellationToken) =>
            Assert.True(await other.TryTakeOverClaimAsync(claim.Id, claim.ClaimId!, Guid.NewGuid().ToString("N"), DateTime.UtcNow, null, cancellationToken));
    }
}

public sealed class SqliteLeaseAndUnassignedTests(ITestOutputHelper output) : LeaseAndUnassignedTests(output)
{
    protected override LedgerProvider Provider => LedgerProvider.Sqlite;
}

public sealed class MariaDbLeaseAndUnassignedTests(ITestOutputHelper output) : LeaseAndUnassignedTests(output)
{
    protected override LedgerProvider Provider => LedgerProvider.MySql;
}
