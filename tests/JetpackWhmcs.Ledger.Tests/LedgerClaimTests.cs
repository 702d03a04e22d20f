using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>The exactly-once protocol: claims, compare-and-swap, completion, promotion.</summary>
public abstract partial class LedgerTests
{
    [Fact]
    public async Task A_claim_writes_a_pending_row_with_a_placeholder_key()
    {
        await Ledger.MigrateAsync();
        var claim = Claim(LicenseOwner.Service(12));

        var result = await Ledger.TryClaimAsync(claim);

        Assert.True(result.Claimed);
        var row = result.Record;
        Assert.Equal(LicenseState.Pending, row.State);
        Assert.Equal("service:12", row.ActiveOwner);
        Assert.Equal("pending:" + claim.ClaimId, row.LicenseKey);
        Assert.Equal(12, row.ServiceId);
        Assert.Null(row.AddonId);
        Assert.Equal(100, row.OrderId);
        Assert.Equal(5, row.ProductId);
        Assert.Equal(claim.ClaimId, row.ClaimId);
        Assert.Equal(T0, row.ClaimedAt);
        Assert.Equal(T0, row.IssuedAt);
        Assert.Equal("jetpack-backup-t1", row.ProductSlug);
        Assert.Equal("fp-1", row.TokenFingerprint);
        Assert.False(row.IsLegacyUnclaimed);
        Assert.Equal(row, await Ledger.FindBySlotAsync("service:12"));
    }

    [Fact]
    public async Task A_second_claim_on_the_same_slot_returns_the_holder_and_writes_nothing()
    {
        await Ledger.MigrateAsync();
        var first = await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(12)));

        var second = await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(12)));

        Assert.False(second.Claimed);
        Assert.Equal(first.Record, second.Record);
        Assert.Equal(1, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM jetpack_product_licenses"));

        // Other slots are independent: the addon and the successor slot of the same service.
        Assert.True((await Ledger.TryClaimAsync(Claim(LicenseOwner.Addon(12)))).Claimed);
        Assert.True((await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(12), LicenseOwner.Service(12).SuccessorSlotKey))).Claimed);
    }

    [Fact]
    public async Task A_claim_on_an_active_slot_returns_the_active_licence()
    {
        await Ledger.MigrateAsync();
        var active = await ActiveAsync(LicenseOwner.Service(12), "KEY-1");

        var again = await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(12)));

        Assert.False(again.Claimed);
        Assert.Equal(active.Id, again.Record.Id);
        Assert.Equal(LicenseState.Active, again.Record.State);
    }

    [Fact]
    public async Task Concurrent_claims_from_two_ledgers_have_exactly_one_winner()
    {
        await Ledger.MigrateAsync();
        var other = Db.CreateLedger();
        var claims = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Ledger : other).TryClaimAsync(Claim(LicenseOwner.Service(7))))));

        Assert.Single(claims, r => r.Claimed);
        var winner = claims.Single(r => r.Claimed).Record;
        Assert.All(claims, r => Assert.Equal(winner.Id, r.Record.Id));
        Assert.Equal(1, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM jetpack_product_licenses"));
    }

    [Fact]
    public async Task Take_over_is_a_compare_and_swap_on_the_claim_id()
    {
        await Ledger.MigrateAsync();
        var claim = (await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(12)))).Record;
        var later = T0.AddMinutes(10);

        Assert.True(await Ledger.TryTakeOverClaimAsync(claim.Id, claim.ClaimId!, "recovery-1", later));
        Assert.False(await Ledger.TryTakeOverClaimAsync(claim.Id, claim.ClaimId!, "recovery-2", later));
        Assert.False(await Ledger.TryTakeOverClaimAsync(claim.Id + 1000, "recovery-1", "recovery-3", later));

        var row = await Ledger.GetAsync(claim.Id);
        Assert.Equal("recovery-1", row!.ClaimId);
        Assert.Equal(later, row.ClaimedAt);

        // The old claimant can neither complete nor release any more.
        Assert.False(await Ledger.CompleteClaimAsync(claim.Id, claim.ClaimId!, Issued("KEY-OLD"), later));
        Assert.False(await Ledger.ReleaseClaimAsync(claim.Id, claim.ClaimId!));
        Assert.Null(await Ledger.FindByKeyAsync("KEY-OLD"));

        // A completed claim cannot be taken over.
        Assert.True(await Ledger.CompleteClaimAsync(claim.Id, "recovery-1", Issued("KEY-NEW"), later));
        Assert.False(await Ledger.TryTakeOverClaimAsync(claim.Id, "recovery-1", "recovery-4", later));
    }

    [Fact]
    public async Task Concurrent_take_overs_have_exactly_one_winner()
    {
        await Ledger.MigrateAsync();
        var other = Db.CreateLedger();
        var claim = (await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(12)))).Record;

        var wins = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Ledger : other).TryTakeOverClaimAsync(claim.Id, claim.ClaimId!, $"recovery-{i}", T0.AddMinutes(5)))));

        Assert.Single(wins, w => w);
    }

    [Fact]
    public async Task Complete_records_the_licence_and_refuses_a_key_already_recorded()
    {
        await Ledger.MigrateAsync();
        var first = await ActiveAsync(LicenseOwner.Service(1), "KEY-1");
        Assert.Equal(LicenseState.Active, first.State);
        Assert.Equal("KEY-1", first.LicenseKey);
        Assert.Equal(77, first.JetpackLicenseId);
        Assert.Equal(T0.AddMinutes(1), first.IssuedAt);
        Assert.Equal("service:1", first.ActiveOwner);
        Assert.Equal(first, await Ledger.FindByKeyAsync("KEY-1"));

        var second = (await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(2)))).Record;
        Assert.False(await Ledger.CompleteClaimAsync(second.Id, second.ClaimId!, Issued("KEY-1"), T0));
        var unchanged = await Ledger.GetAsync(second.Id);
        Assert.Equal(LicenseState.Pending, unchanged!.State);
        Assert.Equal(second.LicenseKey, unchanged.LicenseKey);

        // Completing twice is refused: the row is no longer pending.
        Assert.False(await Ledger.CompleteClaimAsync(first.Id, first.ClaimId!, Issued("KEY-9"), T0));
    }

    [Fact]
    public async Task Release_deletes_only_the_pending_row_of_that_claim()
    {
        await Ledger.MigrateAsync();
        var pending = (await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(1)))).Record;
        var active = await ActiveAsync(LicenseOwner.Service(2), "KEY-2");

        Assert.False(await Ledger.ReleaseClaimAsync(pending.Id, "someone-else"));
        Assert.False(await Ledger.ReleaseClaimAsync(active.Id, active.ClaimId!));
        Assert.True(await Ledger.ReleaseClaimAsync(pending.Id, pending.ClaimId!));

        Assert.Null(await Ledger.GetAsync(pending.Id));
        Assert.NotNull(await Ledger.GetAsync(active.Id));
        Assert.True((await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(1)))).Claimed);
    }

    [Fact]
    public async Task Revoke_records_the_time_and_frees_the_slot()
    {
        await Ledger.MigrateAsync();
        var owner = LicenseOwner.Service(1);
        var first = await ActiveAsync(owner, "KEY-1");

        await Ledger.MarkRevokedAsync(first.Id, T0.AddDays(1), T0.AddDays(1));

        var revoked = await Ledger.GetAsync(first.Id);
        Assert.Equal(LicenseState.Revoked, revoked!.State);
        Assert.Equal(T0.AddDays(1), revoked.RevokedAt);
        Assert.Null(revoked.ActiveOwner);
        Assert.Equal(T0.AddDays(1), revoked.UpdatedAt);
        Assert.Null(await Ledger.FindBySlotAsync(owner.SlotKey));

        var second = await ActiveAsync(owner, "KEY-2");
        var history = await Ledger.FindByOwnerAsync(owner);
        Assert.Equal(new[] { second.Id, first.Id }, history.Select(r => r.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Ledger.MarkRevokedAsync(999_999, T0, T0));
    }

    [Fact]
    public async Task Addons_of_one_service_each_hold_their_own_licence()
    {
        await Ledger.MigrateAsync();
        var a = await ActiveAsync(LicenseOwner.Addon(31), "KEY-A");
        var b = await ActiveAsync(LicenseOwner.Addon(32), "KEY-B");
        var service = await ActiveAsync(LicenseOwner.Service(900), "KEY-S");

        Assert.Equal(900, a.ServiceId);
        Assert.Equal(31, a.AddonId);
        Assert.Equal("KEY-A", (await Ledger.FindBySlotAsync("addon:31"))!.LicenseKey);
        Assert.Equal("KEY-B", (await Ledger.FindBySlotAsync("addon:32"))!.LicenseKey);
        Assert.Equal(new[] { b.Id }, (await Ledger.FindByOwnerAsync(LicenseOwner.Addon(32))).Select(r => r.Id));
        // The service's own history does not include its addons' licences.
        Assert.Equal(new[] { service.Id }, (await Ledger.FindByOwnerAsync(LicenseOwner.Service(900))).Select(r => r.Id));
    }

    [Fact]
    public async Task Promote_swaps_the_successor_into_the_owner_slot_in_one_step()
    {
        await Ledger.MigrateAsync();
        var owner = LicenseOwner.Service(4);
        var current = await ActiveAsync(owner, "KEY-OLD");
        var successor = await ActiveAsync(owner, "KEY-NEW", owner.SuccessorSlotKey);
        Assert.Equal("service:4#next", successor.ActiveOwner);

        await Ledger.PromoteSuccessorAsync(current.Id, T0.AddHours(1), successor.Id, T0.AddHours(1));

        var old = await Ledger.GetAsync(current.Id);
        Assert.Equal(LicenseState.Revoked, old!.State);
        Assert.Equal(T0.AddHours(1), old.RevokedAt);
        Assert.Null(old.ActiveOwner);
        Assert.Equal(successor.Id, (await Ledger.FindBySlotAsync(owner.SlotKey))!.Id);
        Assert.Null(await Ledger.FindBySlotAsync(owner.SuccessorSlotKey));

        // A retry after the swap changes nothing, keeping the first revocation time.
        await Ledger.PromoteSuccessorAsync(current.Id, T0.AddHours(2), successor.Id, T0.AddHours(2));
        Assert.Equal(T0.AddHours(1), (await Ledger.GetAsync(current.Id))!.RevokedAt);
        Assert.Equal(successor.Id, (await Ledger.FindBySlotAsync(owner.SlotKey))!.Id);

        // A pending successor cannot be promoted.
        var pending = (await Ledger.TryClaimAsync(Claim(owner, owner.SuccessorSlotKey))).Record;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Ledger.PromoteSuccessorAsync(successor.Id, T0, pending.Id, T0));
        Assert.Equal(LicenseState.Active, (await Ledger.GetAsync(successor.Id))!.State);
    }

    [Fact]
    public async Task Attachment_suspension_and_last_error_round_trip()
    {
        await Ledger.MigrateAsync();
        var row = await ActiveAsync(LicenseOwner.Service(1), "KEY-1");

        await Ledger.SetAttachmentAsync(row.Id, "https://shop.example.com", T0.AddHours(1), T0.AddHours(1));
        await Ledger.SetSuspendedSiteAsync(row.Id, "https://shop.example.com", T0.AddHours(2));
        await Ledger.SetLastErrorAsync(row.Id, new string('x', 5000), T0.AddHours(3));
        var read = await Ledger.GetAsync(row.Id);
        Assert.Equal("https://shop.example.com", read!.AttachedSite);
        Assert.Equal(T0.AddHours(1), read.AttachedAt);
        Assert.Equal("https://shop.example.com", read.SuspendedSite);
        Assert.Equal(LedgerSchema.Lengths.Message, read.LastError!.Length);
        Assert.Equal(T0.AddHours(3), read.UpdatedAt);

        await Ledger.SetAttachmentAsync(row.Id, null, null, T0.AddHours(4));
        await Ledger.SetSuspendedSiteAsync(row.Id, null, T0.AddHours(4));
        await Ledger.SetLastErrorAsync(row.Id, null, T0.AddHours(4));
        read = await Ledger.GetAsync(row.Id);
        Assert.Null(read!.AttachedSite);
        Assert.Null(read.AttachedAt);
        Assert.Null(read.SuspendedSite);
        Assert.Null(read.LastError);
        await Assert.ThrowsAsync<ArgumentException>(() => Ledger.SetAttachmentAsync(row.Id, new string('s', 300), T0, T0));
    }

    [Fact]
    public async Task Times_are_stored_in_utc_whatever_kind_they_arrive_in()
    {
        await Ledger.MigrateAsync();
        var local = new DateTime(2026, 7, 1, 12, 30, 15, DateTimeKind.Local);
        var claim = Claim(LicenseOwner.Service(1), now: local);

        var row = (await Ledger.TryClaimAsync(claim)).Record;

        Assert.Equal(local.ToUniversalTime(), row.ClaimedAt);
        Assert.Equal(DateTimeKind.Utc, row.ClaimedAt!.Value.Kind);
        Assert.Equal(local.ToUniversalTime(), row.IssuedAt);
    }
}
