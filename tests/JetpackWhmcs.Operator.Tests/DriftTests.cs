using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Operator.Drift;
using JetpackWhmcs.Whmcs.Tests;

namespace JetpackWhmcs.Operator.Tests;

public sealed class DriftTests
{
    private const string Admin = "admin 3 (alice)";

    [Fact]
    public async Task The_check_finds_every_kind_including_the_two_only_whmcs_reveals()
    {
        await using var h = await OperatorHarness.StartAsync();
        var seeded = await SeedAsync(h);
        var progress = new List<(int Done, int Total)>();

        var report = await h.Drift.RunAsync((done, total, _) => { progress.Add((done, total)); return Task.CompletedTask; });

        Assert.Empty(report.Problems);
        Assert.Equal([(0, 2), (1, 2), (2, 2)], progress);
        Assert.Equal(seeded.UnknownKey, Assert.Single(report.Findings, f => f.Kind == FindingKind.UnknownToWhmcs).LicenseKey);
        Assert.Equal(seeded.RevokedOutsideKey, Assert.Single(report.Findings, f => f.Kind == FindingKind.RevokedOutsideWhmcs).LicenseKey);
        Assert.Equal("not-on-the-api", Assert.Single(report.Findings, f => f.Kind == FindingKind.MissingOnApi).LicenseKey);
        Assert.Equal(LicenseOwner.Service(seeded.PendingService).SlotKey, Assert.Single(report.Findings, f => f.Kind == FindingKind.PendingClaim).Owner);
        var ended = Assert.Single(report.Findings, f => f.Kind == FindingKind.EndedServiceWithLicense);
        Assert.Equal((LicenseOwner.Service(seeded.TerminatedService).SlotKey, seeded.TerminatedKey, "Terminated"), (ended.Owner, ended.LicenseKey, ended.WhmcsStatus));
        Assert.Equal(LicenseOwner.Service(seeded.WithoutService).SlotKey, Assert.Single(report.Findings, f => f.Kind == FindingKind.ActiveServiceWithoutLicense).Owner);
        Assert.Equal(6, report.Findings.Count);
        Assert.Equal(6, report.Counts.Values.Sum());
    }

    [Fact]
    public async Task A_terminated_services_licence_is_revoked_only_after_the_admin_confirms_and_the_admin_is_the_actor()
    {
        await using var h = await OperatorHarness.StartAsync();
        var seeded = await SeedAsync(h);
        var check = await RunStoredCheckAsync(h);
        var finding = Finding(check, FindingKind.EndedServiceWithLicense);

        var asked = await h.Fixer.FixAsync(check.Id, finding.Id, confirmed: false, Admin);

        Assert.Equal(FixState.NeedsConfirmation, asked.State);
        Assert.Contains("cannot be undone", asked.Sentence, StringComparison.Ordinal);
        Assert.False(h.Sandbox.Store.Find(OperatorHarness.Token, seeded.TerminatedKey)!.IsRevoked);
        Assert.Equal(LicenseState.Active, (await h.Ledger.FindByKeyAsync(seeded.TerminatedKey))!.State);

        var fixedIt = await h.Fixer.FixAsync(check.Id, finding.Id, confirmed: true, Admin);

        Assert.Equal(FixState.Applied, fixedIt.State);
        Assert.True(h.Sandbox.Store.Find(OperatorHarness.Token, seeded.TerminatedKey)!.IsRevoked);
        Assert.Equal(LicenseState.Revoked, (await h.Ledger.FindByKeyAsync(seeded.TerminatedKey))!.State);
        Assert.Contains(Admin, await h.Database.QueryAsync<string>("SELECT actor FROM jetpack_whmcs_audit WHERE license_key = @Key AND operation = 'revoke'", new { Key = seeded.TerminatedKey }));
        // The stored finding now says who fixed it and when; asking again changes nothing and says so.
        var stored = DriftJson.ReadFindings((await h.Store.GetCheckAsync(check.Id))!.FindingsJson);
        Assert.Equal((Admin, h.Time.GetUtcNow().UtcDateTime), (stored.Single(f => f.Id == finding.Id).FixedBy, stored.Single(f => f.Id == finding.Id).FixedAt));
        Assert.All(stored.Where(f => f.Id != finding.Id), f => Assert.Null(f.FixedBy));
        var again = await h.Fixer.FixAsync(check.Id, finding.Id, confirmed: true, Admin);
        Assert.Equal(FixState.NotApplied, again.State);
        Assert.Contains($"already fixed by {Admin}", again.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_licence_is_revoked_and_a_licence_revoked_outside_is_marked_only_when_confirmed()
    {
        await using var h = await OperatorHarness.StartAsync();
        var seeded = await SeedAsync(h);
        var check = await RunStoredCheckAsync(h);

        Assert.Equal(FixState.NeedsConfirmation, (await h.Fixer.FixAsync(check.Id, Finding(check, FindingKind.UnknownToWhmcs).Id, false, Admin)).State);
        Assert.False(h.Sandbox.Store.Find(OperatorHarness.Token, seeded.UnknownKey)!.IsRevoked);
        var revoked = await h.Fixer.FixAsync(check.Id, Finding(check, FindingKind.UnknownToWhmcs).Id, true, Admin);
        var marked = await h.Fixer.FixAsync(check.Id, Finding(check, FindingKind.RevokedOutsideWhmcs).Id, true, Admin);

        Assert.Equal((FixState.Applied, FixState.Applied), (revoked.State, marked.State));
        Assert.True(h.Sandbox.Store.Find(OperatorHarness.Token, seeded.UnknownKey)!.IsRevoked);
        Assert.Equal(LicenseState.Revoked, (await h.Ledger.FindByKeyAsync(seeded.RevokedOutsideKey))!.State);
        // The fix touched only its own licence: the terminated service's licence is still live.
        Assert.False(h.Sandbox.Store.Find(OperatorHarness.Token, seeded.TerminatedKey)!.IsRevoked);
    }

    [Fact]
    public async Task An_active_service_without_a_licence_gets_one_through_the_engine_once_confirmed()
    {
        await using var h = await OperatorHarness.StartAsync();
        var seeded = await SeedAsync(h);
        var check = await RunStoredCheckAsync(h);
        var finding = Finding(check, FindingKind.ActiveServiceWithoutLicense);
        var before = h.Sandbox.Store.CountOf(OperatorHarness.Token);

        Assert.Equal(FixState.NeedsConfirmation, (await h.Fixer.FixAsync(check.Id, finding.Id, false, Admin)).State);
        Assert.Equal(before, h.Sandbox.Store.CountOf(OperatorHarness.Token));
        var outcome = await h.Fixer.FixAsync(check.Id, finding.Id, true, Admin);

        Assert.Equal(FixState.Applied, outcome.State);
        Assert.Equal(before + 1, h.Sandbox.Store.CountOf(OperatorHarness.Token));
        Assert.Equal(LicenseState.Active, Assert.Single(await h.Ledger.FindByOwnerAsync(LicenseOwner.Service(seeded.WithoutService))).State);
    }

    [Fact]
    public async Task Findings_without_a_safe_fix_change_nothing_even_when_confirmed()
    {
        await using var h = await OperatorHarness.StartAsync();
        await SeedAsync(h);
        var check = await RunStoredCheckAsync(h);
        var rows = await h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM jetpack_product_licenses WHERE state = 'active'");

        var missing = await h.Fixer.FixAsync(check.Id, Finding(check, FindingKind.MissingOnApi).Id, true, Admin);
        var pending = await h.Fixer.FixAsync(check.Id, Finding(check, FindingKind.PendingClaim).Id, true, Admin);
        var unknown = await h.Fixer.FixAsync(check.Id, "no-such-finding", true, Admin);

        Assert.Equal((FixState.NoAutomaticFix, FixState.NoAutomaticFix, FixState.NotApplied), (missing.State, pending.State, unknown.State));
        Assert.Equal(rows, await h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM jetpack_product_licenses WHERE state = 'active'"));
    }

    internal static async Task<CheckRecord> RunStoredCheckAsync(OperatorHarness h, CheckKind kind = CheckKind.Manual)
    {
        var start = await h.Runner.StartAsync(kind, Admin);
        Assert.True(start.Started);
        await h.Runner.WhenIdleAsync();
        var check = (await h.Store.GetCheckAsync(start.CheckId))!;
        Assert.Equal(CheckStatus.Finished, check.Status);
        return check;
    }

    private static DriftFinding Finding(CheckRecord check, FindingKind kind) =>
        Assert.Single(DriftJson.ReadFindings(check.FindingsJson), f => f.Kind == kind);

    /// <summary>One case of every kind: in sync, terminated with a licence, active without, unknown, revoked outside, missing on the API, pending.</summary>
    internal static async Task<Seeded> SeedAsync(OperatorHarness h)
    {
        var product = await h.AddJetpackProductAsync();
        var client = await WhmcsSchema.AddClientAsync(h.Database, 1);
        async Task<long> ServiceAsync(long order, string status) => await WhmcsSchema.AddServiceAsync(h.Database, client, order, product, status);

        var inSync = await ServiceAsync(1, "Active");
        Assert.Equal("success", await h.CreateAccountAsync(inSync, 1, product));
        var terminated = await ServiceAsync(2, "Active");
        Assert.Equal("success", await h.CreateAccountAsync(terminated, 2, product));
        await h.Database.ExecuteAsync("UPDATE tblhosting SET domainstatus = 'Terminated' WHERE id = @Id", new { Id = terminated });
        var revokedOutside = await ServiceAsync(3, "Active");
        Assert.Equal("success", await h.CreateAccountAsync(revokedOutside, 3, product));
        var revokedKey = (await h.Ledger.FindByOwnerAsync(LicenseOwner.Service(revokedOutside)))[0].LicenseKey;
        h.Sandbox.Store.RevokeDirect(OperatorHarness.Token, revokedKey);
        var without = await ServiceAsync(4, "Active");
        var missing = await ServiceAsync(5, "Active");
        var now = h.Time.GetUtcNow().UtcDateTime;
        await h.Ledger.TryRecordExistingAsync(LicenseOwner.Service(missing), 5, product, new IssuedLicense("not-on-the-api", 99, now, "jetpack-backup-daily"), OperatorHarness.Fingerprint, now);
        var pending = await ServiceAsync(6, "Active");
        await h.Ledger.TryClaimAsync(new NewClaim { Owner = LicenseOwner.Service(pending), SlotKey = LicenseOwner.Service(pending).SlotKey, ClaimId = "claim-6", OrderId = 6, ProductId = product, ProductSlug = "jetpack-backup-daily", TokenFingerprint = OperatorHarness.Fingerprint, Now = now });
        var unknown = h.Sandbox.Store.IssueDirect(OperatorHarness.Token, "jetpack-scan");
        var terminatedKey = (await h.Ledger.FindByOwnerAsync(LicenseOwner.Service(terminated)))[0].LicenseKey;
        return new Seeded(terminated, terminatedKey, without, pending, unknown.LicenseKey, revokedKey);
    }

    internal sealed record Seeded(long TerminatedService, string TerminatedKey, long WithoutService, long PendingService, string UnknownKey, string RevokedOutsideKey);
}
