using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Recovery;
using JetpackWhmcs.Provisioning.Tests.Harness;
using JetpackWhmcs.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace JetpackWhmcs.Provisioning.Tests.ExactlyOnce;

/// <summary>Concurrency and lost answers: never a second licence, always one recorded. SQLite and MariaDB.</summary>
public abstract class ExactlyOnceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EngineHarness? harness;

    protected abstract LedgerProvider Provider { get; }

    private EngineHarness H => harness!;

    public async Task InitializeAsync() => harness = await EngineHarness.StartAsync(Provider);

    public async Task DisposeAsync() => await H.DisposeAsync();

    [Fact]
    public async Task Fifty_concurrent_creates_from_two_engines_issue_exactly_one_licence()
    {
        // Some latency so that calls overlap while the first issue is in flight.
        H.Sandbox.Faults.Latency = TimeSpan.FromMilliseconds(40);
        var second = H.CreateSecondEngine();
        var service = Services.Product(300);
        var calls = Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => H.InvokeAsync("CreateAccount", service, i % 2 == 0 ? H.Engine : second)))
            .ToList();
        var results = await Task.WhenAll(calls);

        var live = H.LiveLicenses();
        var rows = await H.Database.QueryRowsAsync("SELECT license_key, state FROM jetpack_product_licenses");
        var successes = results.Count(r => r.Outcome == ModuleOutcome.Success);
        var inProgress = results.Count(r => r.Outcome == ModuleOutcome.InProgress);
        output.WriteLine($"{Provider}: sandbox licences {H.Sandbox.Store.LicensesOf(EngineHarness.Token).Count}, ledger rows {rows.Count}, success {successes}, in progress {inProgress}");

        Assert.All(results, r => Assert.True(
            r.Outcome == ModuleOutcome.Success || (r.Outcome == ModuleOutcome.InProgress && r.Value!.GetValue<string>().Contains("in progress", StringComparison.Ordinal)),
            r.Value!.ToJsonString()));
        Assert.True(successes >= 1);
        var licence = Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
        Assert.Single(live);
        var row = Assert.Single(rows);
        Assert.Equal(licence.LicenseKey, row["license_key"]);
        Assert.Equal("active", row["state"]);
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
    }

    [Theory]
    [InlineData(FaultKind.LostAnswerHttp500)]
    [InlineData(FaultKind.LostAnswerDropConnection)]
    public async Task A_lost_issue_answer_is_recovered_at_once_without_a_second_licence(FaultKind fault)
    {
        H.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, fault);
        var service = Services.Product(301);

        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        var licence = Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
        var row = (await H.Ledger.FindBySlotAsync("service:301"))!;
        Assert.Equal(LicenseState.Active, row.State);
        Assert.Equal(licence.LicenseKey, row.LicenseKey);
        Assert.Contains(await H.Ledger.ListAuditAsync(owner: "service:301"), a => a.Operation == "issue" && a.Outcome == "unknown");

        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
    }

    [Fact]
    public async Task An_undecidable_lost_answer_stays_pending_and_a_later_create_adopts_it()
    {
        H.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.LostAnswerHttp500);
        H.Sandbox.Faults.FailNext(SandboxEndpoint.ListLicenses, 10, FaultKind.Failure);
        var service = Services.Product(302);

        var first = await H.InvokeAsync("CreateAccount", service);
        Assert.Equal(ModuleOutcome.Error, first.Outcome);
        Assert.Contains("may have been issued", first.Value!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("request id", first.Value!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(LicenseState.Pending, (await H.Ledger.FindBySlotAsync("service:302"))!.State);

        // While the claim is fresh, a retry says "in progress" and issues nothing.
        var retry = await H.InvokeAsync("CreateAccount", service);
        Assert.Equal(ModuleOutcome.InProgress, retry.Outcome);
        Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));

        H.Sandbox.Faults.Reset();
        await H.BackdateClaimsAsync();
        var later = H.CreateSecondEngine();
        Assert.Equal("success", await H.CallAsync("CreateAccount", service, later));
        var licence = Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
        Assert.Equal(licence.LicenseKey, (await H.Ledger.FindBySlotAsync("service:302"))!.LicenseKey);
    }

    [Fact]
    public async Task A_failed_issue_that_did_nothing_is_issued_once_by_a_later_create()
    {
        H.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.Failure);
        var service = Services.Product(303);

        Assert.Contains("may have been issued", await H.CallAsync("CreateAccount", service), StringComparison.Ordinal);
        Assert.Empty(H.Sandbox.Store.LicensesOf(EngineHarness.Token));

        await H.BackdateClaimsAsync();
        var later = H.CreateSecondEngine();
        Assert.Equal("success", await H.CallAsync("CreateAccount", service, later));
        Assert.Equal("success", await H.CallAsync("CreateAccount", service, later));
        var licence = Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
        Assert.Equal(licence.LicenseKey, (await H.Ledger.FindBySlotAsync("service:303"))!.LicenseKey);
    }

    [Fact]
    public async Task A_definite_refusal_releases_the_claim_and_says_why_with_the_request_id()
    {
        var result = await H.InvokeAsync("CreateAccount", Services.Product(304, slug: "jetpack-no-such-product"));
        var sentence = result.Value!.GetValue<string>();
        Assert.Equal(ModuleOutcome.Error, result.Outcome);
        Assert.Contains("Jetpack refused to issue a licence", sentence, StringComparison.Ordinal);
        Assert.Contains(result.RequestId!, sentence, StringComparison.Ordinal);
        Assert.Null(await H.Ledger.FindBySlotAsync("service:304"));
        Assert.Empty(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
    }

    [Fact]
    public async Task RecoveryService_adopts_lost_licences_into_stale_claims_releases_empty_ones_and_reports_extras()
    {
        // Two claims whose issue answers were lost, one whose issue never happened, and a stray licence.
        // The client retries reads (up to 4 attempts), so each immediate recovery look needs 4 failures.
        H.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 2, FaultKind.LostAnswerHttp500);
        H.Sandbox.Faults.FailNext(SandboxEndpoint.ListLicenses, 8, FaultKind.Failure);
        Assert.Contains("may have been issued", await H.CallAsync("CreateAccount", Services.Product(310, slug: "jetpack-scan")), StringComparison.Ordinal);
        Assert.Contains("may have been issued", await H.CallAsync("CreateAccount", Services.Product(311, slug: "jetpack-scan")), StringComparison.Ordinal);
        H.Sandbox.Faults.Reset();
        H.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 1, FaultKind.Failure);
        H.Sandbox.Faults.FailNext(SandboxEndpoint.ListLicenses, 4, FaultKind.Failure);
        Assert.Contains("may have been issued", await H.CallAsync("CreateAccount", Services.Product(312, slug: "jetpack-scan")), StringComparison.Ordinal);
        H.Sandbox.Faults.Reset();
        var stray = H.Sandbox.Store.IssueDirect(EngineHarness.Token, "jetpack-anti-spam");

        await H.BackdateClaimsAsync();
        var recovery = new RecoveryService(H.Client, H.Ledger, TimeProvider.System, NullLogger<RecoveryService>.Instance);
        var report = await recovery.RecoverPendingAsync(TokenResolvers.FromTokens([EngineHarness.Token]));
        output.WriteLine($"adopted {report.Adopted.Count}, released {report.Released.Count}, undecided {report.Undecided.Count}, extras {report.Extras.Count}, no token {report.NoToken.Count}");

        // Unattached licences of one product are interchangeable (design.md): which of the three equally
        // uncertain claims is left without a licence depends on claim times within the same second.
        Assert.Equal(2, report.Adopted.Count);
        var releasedService = Assert.Single(report.Released).ServiceId!.Value;
        Assert.Contains(releasedService, new long[] { 310, 311, 312 });
        Assert.Equal(stray.LicenseKey, Assert.Single(report.Extras).LicenseKey);
        Assert.Empty(report.Undecided);
        Assert.False(H.Sandbox.Store.Find(EngineHarness.Token, stray.LicenseKey)!.IsRevoked);
        var scanKeys = H.Sandbox.Store.LicensesOf(EngineHarness.Token).Where(l => l.ProductSlug == "jetpack-scan").Select(l => l.LicenseKey).Order().ToList();
        var adoptedServices = new long[] { 310, 311, 312 }.Where(id => id != releasedService).ToList();
        var recorded = new List<string>();
        foreach (var id in adoptedServices)
        {
            recorded.Add((await H.Ledger.FindBySlotAsync($"service:{id}"))!.LicenseKey);
        }

        Assert.Equal(scanKeys, recorded.Order().ToList());
        Assert.Null(await H.Ledger.FindBySlotAsync($"service:{releasedService}"));

        // The released claim's service gets its licence on the next Create, once.
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(releasedService, slug: "jetpack-scan")));
        Assert.Equal(3, H.LiveLicenses().Count(l => l.ProductSlug == "jetpack-scan"));
    }

    [Fact]
    public async Task Concurrent_recoveries_and_creates_on_stale_claims_adopt_each_lost_licence_once()
    {
        H.Sandbox.Faults.FailNext(SandboxEndpoint.IssueLicense, 3, FaultKind.LostAnswerHttp500);
        H.Sandbox.Faults.FailNext(SandboxEndpoint.ListLicenses, 12, FaultKind.Failure);
        foreach (var id in new[] { 330, 331, 332 })
        {
            Assert.Contains("may have been issued", await H.CallAsync("CreateAccount", Services.Product(id, slug: "jetpack-backup-realtime")), StringComparison.Ordinal);
        }

        H.Sandbox.Faults.Reset();

        // The three claims went stale beyond the production grace; a claim that a racer takes over is fresh
        // again for the whole grace, as in production.
        await H.BackdateClaimsAsync();
        var stale = new ModuleEngineOptions();
        var engines = new[] { H.CreateSecondEngine(stale), H.CreateSecondEngine(stale) };
        var work = new List<Task>();
        for (var i = 0; i < 4; i++)
        {
            var recovery = new RecoveryService(H.CreateClientForTest(), H.Database.CreateLedger(), TimeProvider.System, NullLogger<RecoveryService>.Instance, stale);
            work.Add(Task.Run(() => recovery.RecoverPendingAsync(TokenResolvers.FromTokens([EngineHarness.Token]))));
            var engine = engines[i % 2];
            var service = Services.Product(330 + (i % 3), slug: "jetpack-backup-realtime");
            work.Add(Task.Run(() => H.InvokeAsync("CreateAccount", service, engine)));
        }

        await Task.WhenAll(work);
        foreach (var id in new[] { 330, 331, 332 })
        {
            await H.CallAsync("CreateAccount", Services.Product(id, slug: "jetpack-backup-realtime"), engines[0]);
        }

        var licences = H.Sandbox.Store.LicensesOf(EngineHarness.Token);
        var rows = await H.Database.QueryRowsAsync("SELECT license_key, state FROM jetpack_product_licenses");
        output.WriteLine($"{Provider} racing recovery: sandbox licences {licences.Count}, ledger rows {rows.Count}");
        Assert.Equal(3, licences.Count);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("active", r["state"]));
        Assert.Equal(licences.Select(l => l.LicenseKey).Order(), rows.Select(r => (string)r["license_key"]!).Order());
    }

    [Fact]
    public async Task A_create_whose_recovery_look_outlasts_the_staleness_does_not_issue_under_a_lost_claim()
    {
        // A claim that went stale long ago, whose issue never reached the API.
        var owner = LicenseOwner.Service(340);
        await H.Ledger.TryClaimAsync(new NewClaim
        {
            Owner = owner,
            SlotKey = owner.SlotKey,
            ClaimId = Guid.NewGuid().ToString("N"),
            OrderId = 500,
            ProductId = 9,
            ProductSlug = "jetpack-backup-daily",
            Now = DateTime.UtcNow.AddMinutes(-10),
        });

        // Every API call takes 3 s. The first Create takes the claim over and is still looking for its
        // licence when the engines' clock jumps past the grace (the production 2 minutes): the second
        // Create finds the claim stale again and takes it. The first must then not issue.
        H.Sandbox.Faults.Latency = TimeSpan.FromSeconds(3);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = Task.Run(() => H.InvokeAsync("CreateAccount", Services.Product(340), H.CreateSecondEngine(time: clock)));
        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        clock.Advance(new ModuleEngineOptions().ClaimStaleAfter + TimeSpan.FromSeconds(10));
        var second = Task.Run(() => H.InvokeAsync("CreateAccount", Services.Product(340), H.CreateSecondEngine(time: clock)));
        var results = await Task.WhenAll(first, second);
        H.Sandbox.Faults.Latency = TimeSpan.Zero;

        output.WriteLine($"{Provider}: first {results[0].Outcome}, second {results[1].Outcome}, sandbox licences {H.Sandbox.Store.LicensesOf(EngineHarness.Token).Count}");
        var licence = Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
        Assert.Equal(ModuleOutcome.InProgress, results[0].Outcome);
        Assert.Equal(ModuleOutcome.Success, results[1].Outcome);
        var row = (await H.Ledger.FindBySlotAsync(owner.SlotKey))!;
        Assert.Equal(LicenseState.Active, row.State);
        Assert.Equal(licence.LicenseKey, row.LicenseKey);
    }

    [Fact]
    public async Task Reconcile_reports_drift_and_fix_marks_revoked_and_revokes_extras_only_when_asked()
    {
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(320)));
        Assert.Equal("success", await H.CallAsync("CreateAccount", Services.Product(321)));
        var revokedKey = (await H.Ledger.FindBySlotAsync("service:321"))!.LicenseKey;
        H.Sandbox.Store.RevokeDirect(EngineHarness.Token, revokedKey);
        var stray = H.Sandbox.Store.IssueDirect(EngineHarness.Token, "jetpack-complete");

        var service = new Reconciliation.ReconciliationService(H.Client, H.Ledger, TimeProvider.System, NullLogger<Reconciliation.ReconciliationService>.Instance);
        var report = await service.ReconcileAsync(EngineHarness.Token);
        Assert.False(report.InSync);
        // Counts cover every licence and row of the token, though only the rows with a finding are kept.
        Assert.Equal((3, 2), (report.ApiLicenseCount, report.LedgerRowCount));
        Assert.Equal(stray.LicenseKey, Assert.Single(report.UnknownToWhmcs).LicenseKey);
        Assert.Equal(revokedKey, Assert.Single(report.RevokedOutsideWhmcs).LicenseKey);
        Assert.Empty(report.MissingOnApi);
        Assert.Empty(report.PendingClaims);
        Assert.Equal(LicenseState.Active, (await H.Ledger.FindByKeyAsync(revokedKey))!.State);

        var fixedReport = await service.ReconcileAsync(EngineHarness.Token, new Reconciliation.ReconcileOptions { Fix = true });
        Assert.Single(fixedReport.MarkedRevoked);
        Assert.Empty(fixedReport.RevokedExtras);
        Assert.Equal(LicenseState.Revoked, (await H.Ledger.FindByKeyAsync(revokedKey))!.State);
        Assert.False(H.Sandbox.Store.Find(EngineHarness.Token, stray.LicenseKey)!.IsRevoked);

        // Checked again right before the revoke: a licence issued within the claim lease bound may be the
        // answer of a call still in flight, so it is kept and named.
        var tooSoon = await service.ReconcileAsync(EngineHarness.Token, new Reconciliation.ReconcileOptions { Fix = true, RevokeExtras = true });
        Assert.Empty(tooSoon.RevokedExtras);
        Assert.Contains(tooSoon.Problems, p => p.Contains(stray.LicenseKey, StringComparison.Ordinal) && p.Contains("too recently", StringComparison.Ordinal));
        Assert.False(H.Sandbox.Store.Find(EngineHarness.Token, stray.LicenseKey)!.IsRevoked);

        var later = new Reconciliation.ReconciliationService(
            H.Client, H.Ledger, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(2)), NullLogger<Reconciliation.ReconciliationService>.Instance);
        var revoking = await later.ReconcileAsync(EngineHarness.Token, new Reconciliation.ReconcileOptions { Fix = true, RevokeExtras = true });
        Assert.Equal(stray.LicenseKey, Assert.Single(revoking.RevokedExtras));
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, stray.LicenseKey)!.IsRevoked);
        Assert.True((await service.ReconcileAsync(EngineHarness.Token)).InSync);
    }
}

public sealed class SqliteExactlyOnceTests(ITestOutputHelper output) : ExactlyOnceTests(output)
{
    protected override LedgerProvider Provider => LedgerProvider.Sqlite;
}

public sealed class MariaDbExactlyOnceTests(ITestOutputHelper output) : ExactlyOnceTests(output)
{
    protected override LedgerProvider Provider => LedgerProvider.MySql;
}
