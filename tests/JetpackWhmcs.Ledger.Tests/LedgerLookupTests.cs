using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>Legacy adoption, lookups, listings, counts and the audit trail.</summary>
public abstract partial class LedgerTests
{
    [Fact]
    public async Task An_unclaimed_legacy_row_is_found_by_order_and_product_and_adopted_once()
    {
        await OriginalModule.CreateTableAsync(Db);
        var revoked = await OriginalModule.InsertRowAsync(Db, 10, 3, "KEY-REVOKED", "2024-01-01 00:00:00");
        await OriginalModule.RevokeRowAsync(Db, revoked, "2024-02-01 00:00:00");
        var first = await OriginalModule.InsertRowAsync(Db, 10, 3, "KEY-FIRST", "2024-03-01 00:00:00");
        var second = await OriginalModule.InsertRowAsync(Db, 10, 3, "KEY-SECOND", "2024-04-01 00:00:00");
        await OriginalModule.InsertRowAsync(Db, 10, 4, "KEY-OTHER-PRODUCT", "2024-04-01 00:00:00");
        await Ledger.MigrateAsync();

        Assert.Equal(first, (await Ledger.FindUnclaimedLegacyAsync(10, 3))!.Id);
        Assert.Null(await Ledger.FindUnclaimedLegacyAsync(10, 9));

        Assert.True(await Ledger.TryAdoptLegacyAsync(first, LicenseOwner.Service(50), "jetpack-backup-t1", "fp", T0));
        Assert.False(await Ledger.TryAdoptLegacyAsync(first, LicenseOwner.Service(51), null, null, T0));
        // The owner's slot is taken now: a second adoption for it fails and leaves the row unclaimed.
        Assert.False(await Ledger.TryAdoptLegacyAsync(second, LicenseOwner.Service(50), null, null, T0));
        Assert.True((await Ledger.GetAsync(second))!.IsLegacyUnclaimed);
        Assert.False(await Ledger.TryAdoptLegacyAsync(revoked, LicenseOwner.Service(52), null, null, T0));

        var adopted = await Ledger.FindBySlotAsync("service:50");
        Assert.Equal(first, adopted!.Id);
        Assert.Equal("KEY-FIRST", adopted.LicenseKey);
        Assert.Equal(LicenseState.Active, adopted.State);
        Assert.Equal(50, adopted.ServiceId);
        Assert.Equal("jetpack-backup-t1", adopted.ProductSlug);
        Assert.Equal(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), adopted.IssuedAt);
        Assert.Equal(second, (await Ledger.FindUnclaimedLegacyAsync(10, 3))!.Id);

        Assert.True(await Ledger.TryAdoptLegacyAsync(second, LicenseOwner.Addon(60), null, null, T0));
        Assert.Null(await Ledger.FindUnclaimedLegacyAsync(10, 3));
        Assert.Equal(second, (await Ledger.FindBySlotAsync("addon:60"))!.Id);
    }

    [Fact]
    public async Task Known_keys_are_reported_exactly()
    {
        await Ledger.MigrateAsync();
        await ActiveAsync(LicenseOwner.Service(1), "KEY-1");
        await ActiveAsync(LicenseOwner.Service(2), "KEY-2");
        var many = Enumerable.Range(0, 1200).Select(i => $"UNKNOWN-{i}").Append("KEY-2").Append("KEY-1").ToList();

        var known = await Ledger.FindKnownKeysAsync(many);

        Assert.Equal(new[] { "KEY-1", "KEY-2" }, known.Order(StringComparer.Ordinal));
        Assert.Empty(await Ledger.FindKnownKeysAsync([]));
        Assert.Empty(await Ledger.FindKnownKeysAsync(["key-1"]));
    }

    [Fact]
    public async Task Pending_rows_are_listed_by_claim_age()
    {
        await Ledger.MigrateAsync();
        var old = (await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(1), now: T0))).Record;
        var older = (await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(2), now: T0.AddMinutes(-5)))).Record;
        await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(3), now: T0.AddMinutes(10)));
        await ActiveAsync(LicenseOwner.Service(4), "KEY-4");

        var pending = await Ledger.ListPendingAsync(T0.AddMinutes(1));

        Assert.Equal(new[] { older.Id, old.Id }, pending.Select(r => r.Id));
        Assert.Empty(await Ledger.ListPendingAsync(T0.AddMinutes(-5)));
    }

    [Fact]
    public async Task Counts_by_state_include_legacy_rows()
    {
        await OriginalModule.CreateTableAsync(Db);
        await OriginalModule.InsertRowAsync(Db, 1, 1, "KEY-L1", "2024-01-01 00:00:00");
        var revoked = await OriginalModule.InsertRowAsync(Db, 2, 1, "KEY-L2", "2024-01-01 00:00:00");
        await OriginalModule.RevokeRowAsync(Db, revoked, "2024-02-01 00:00:00");
        await Ledger.MigrateAsync();
        await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(1)));
        var active = await ActiveAsync(LicenseOwner.Service(2), "KEY-2");
        await ActiveAsync(LicenseOwner.Service(3), "KEY-3");
        await Ledger.MarkRevokedAsync(active.Id, T0, T0);

        var counts = await Ledger.CountByStateAsync();

        Assert.Equal(1, counts[LicenseState.Pending]);
        Assert.Equal(2, counts[LicenseState.Active]);
        Assert.Equal(2, counts[LicenseState.Revoked]);
    }

    [Fact]
    public async Task Listing_filters_by_state_product_service_and_addon_with_paging()
    {
        await OriginalModule.CreateTableAsync(Db);
        var legacy = await OriginalModule.InsertRowAsync(Db, 1, 1, "KEY-LEGACY", "2024-01-01 00:00:00");
        await Ledger.MigrateAsync();
        var s1 = await ActiveAsync(LicenseOwner.Service(900), "KEY-S");
        var a1 = await ActiveAsync(LicenseOwner.Addon(31), "KEY-A");
        var pending = (await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(5), slug: "jetpack-security-t1"))).Record;

        Assert.Equal(new[] { legacy, s1.Id, a1.Id }, (await Ledger.ListAsync(new LedgerQuery { State = LicenseState.Active })).Select(r => r.Id));
        Assert.Equal(new[] { pending.Id }, (await Ledger.ListAsync(new LedgerQuery { State = LicenseState.Pending })).Select(r => r.Id));
        Assert.Equal(new[] { pending.Id }, (await Ledger.ListAsync(new LedgerQuery { ProductSlug = "jetpack-security-t1" })).Select(r => r.Id));
        Assert.Equal(new[] { s1.Id, a1.Id }, (await Ledger.ListAsync(new LedgerQuery { ServiceId = 900 })).Select(r => r.Id));
        Assert.Equal(new[] { a1.Id }, (await Ledger.ListAsync(new LedgerQuery { AddonId = 31 })).Select(r => r.Id));
        Assert.Equal(new[] { legacy, s1.Id }, (await Ledger.ListAsync(new LedgerQuery { Limit = 2 })).Select(r => r.Id));
        Assert.Equal(new[] { a1.Id, pending.Id }, (await Ledger.ListAsync(new LedgerQuery { AfterId = s1.Id })).Select(r => r.Id));
        await Ledger.MarkRevokedAsync(legacy, T0, T0);
        Assert.Equal(new[] { legacy }, (await Ledger.ListAsync(new LedgerQuery { State = LicenseState.Revoked })).Select(r => r.Id));
    }

    [Fact]
    public async Task Recording_an_existing_licence_takes_the_slot_only_when_free()
    {
        await Ledger.MigrateAsync();
        var owner = LicenseOwner.Service(8);
        var found = new IssuedLicense("KEY-FOUND", 501, T0, "jetpack-backup-t1", AttachedSite: "example.com", AttachedAt: T0);

        Assert.True(await Ledger.TryRecordExistingAsync(owner, 70, 3, found, "fp", T0));
        Assert.False(await Ledger.TryRecordExistingAsync(owner, 70, 3, found, "fp", T0));
        var recorded = await Ledger.FindBySlotAsync(owner.SlotKey);
        Assert.Equal("KEY-FOUND", recorded!.LicenseKey);
        Assert.Equal(LicenseState.Active, recorded.State);
        Assert.Equal("example.com", recorded.AttachedSite);
        Assert.Equal(501, recorded.JetpackLicenseId);

        Assert.True(await Ledger.TryRecordExistingAsync(owner, 70, 3, found with { LicenseKey = "KEY-EXTRA" }, "fp", T0));
        var extra = await Ledger.FindByKeyAsync("KEY-EXTRA");
        Assert.Null(extra!.ActiveOwner);
        Assert.Equal(8, extra.ServiceId);

        Assert.True(await Ledger.TryRecordExistingAsync(null, 71, 3, found with { LicenseKey = "KEY-GONE", RevokedAt = T0.AddDays(1) }, null, T0));
        var gone = await Ledger.FindByKeyAsync("KEY-GONE");
        Assert.Equal(LicenseState.Revoked, gone!.State);
        Assert.Equal(T0.AddDays(1), gone.RevokedAt);
    }

    [Fact]
    public async Task Audit_entries_round_trip_newest_first_and_filter_by_owner_and_key()
    {
        await Ledger.MigrateAsync();
        var entry = new AuditEntry
        {
            At = T0,
            Operation = "issue",
            Owner = "service:1",
            LicenseRowId = 5,
            LicenseKey = "KEY-1",
            Outcome = "ok",
            HttpStatus = 200,
            ErrorCode = null,
            Message = "Issued.",
            RequestId = "req-123",
            DurationMs = 42,
            Actor = "admin 3 (alice)",
        };
        await Ledger.RecordAuditAsync(entry);
        await Ledger.RecordAuditAsync(entry with { At = T0.AddMinutes(1), Operation = "attach", Outcome = "unknown", HttpStatus = null, Message = new string('m', 5000) });
        await Ledger.RecordAuditAsync(entry with { Owner = "addon:2", LicenseKey = "KEY-2", Outcome = "failed", HttpStatus = 404, ErrorCode = "not_found" });

        var forOwner = await Ledger.ListAuditAsync(owner: "service:1");
        Assert.Equal(new[] { "attach", "issue" }, forOwner.Select(e => e.Operation));
        var issued = forOwner[1];
        Assert.True(issued.Id > 0);
        Assert.Equal(entry with { Id = issued.Id }, issued);
        Assert.Equal(LedgerSchema.Lengths.Message, forOwner[0].Message!.Length);
        Assert.Equal("not_found", Assert.Single(await Ledger.ListAuditAsync(licenseKey: "KEY-2")).ErrorCode);
        Assert.Equal(3, (await Ledger.ListAuditAsync()).Count);
        Assert.Single(await Ledger.ListAuditAsync(limit: 1));
        Assert.Empty(await Ledger.ListAuditAsync(owner: "service:1", licenseKey: "KEY-2"));
    }
}
