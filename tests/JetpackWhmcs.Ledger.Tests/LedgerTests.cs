using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>
/// Every ledger behaviour, run against each database by the subclasses. Each test gets a fresh
/// database (xunit creates a class instance per test), dropped afterwards.
/// </summary>
public abstract partial class LedgerTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    private TestDatabase? _db;

    protected abstract LedgerProvider Provider { get; }

    protected TestDatabase Db => _db ?? throw new InvalidOperationException("The test database is not ready.");

    protected ILicenseLedger Ledger => Db.Ledger;

    public async Task InitializeAsync() => _db = await TestDatabases.CreateAsync(Provider, migrate: false);

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    private static NewClaim Claim(LicenseOwner owner, string? slot = null, string slug = "jetpack-backup-t1", DateTime? now = null, long orderId = 100, long productId = 5) => new()
    {
        Owner = owner,
        SlotKey = slot ?? owner.SlotKey,
        ClaimId = Guid.NewGuid().ToString("N"),
        OrderId = orderId,
        ProductId = productId,
        ParentServiceId = owner.Kind == OwnerKind.Addon ? 900 : null,
        ProductSlug = slug,
        TokenFingerprint = "fp-1",
        Now = now ?? T0,
    };

    private static IssuedLicense Issued(string key, long jetpackId = 77, string slug = "jetpack-backup-t1") =>
        new(key, jetpackId, T0.AddMinutes(1), slug);

    private async Task<LicenseRecord> ActiveAsync(LicenseOwner owner, string key, string? slot = null)
    {
        var claim = await Ledger.TryClaimAsync(Claim(owner, slot));
        Assert.True(claim.Claimed);
        Assert.True(await Ledger.CompleteClaimAsync(claim.Record.Id, claim.Record.ClaimId!, Issued(key), T0.AddMinutes(1)));
        return (await Ledger.GetAsync(claim.Record.Id))!;
    }

    [Fact]
    public async Task Migrate_creates_the_tables_and_records_every_version()
    {
        await Ledger.MigrateAsync();
        await Ledger.MigrateAsync();
        await Ledger.PingAsync();

        var versions = await Db.QueryAsync<long>($"SELECT version FROM {LedgerSchema.MigrationsTable} ORDER BY version");
        Assert.Equal(Enumerable.Range(1, LedgerSchema.LatestMigrationVersion).Select(v => (long)v), versions);
        Assert.Equal(0, await Db.ScalarAsync<long>($"SELECT COUNT(*) FROM {LedgerSchema.LicensesTable}"));
        Assert.Equal(0, await Db.ScalarAsync<long>($"SELECT COUNT(*) FROM {LedgerSchema.AuditTable}"));
        var claim = await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(1)));
        Assert.True(claim.Claimed);
    }

    [Fact]
    public async Task Concurrent_migrations_from_two_ledgers_all_succeed()
    {
        var other = Db.CreateLedger();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? Ledger : other).MigrateAsync())));

        var versions = await Db.QueryAsync<long>($"SELECT version FROM {LedgerSchema.MigrationsTable} ORDER BY version");
        Assert.Equal(Enumerable.Range(1, LedgerSchema.LatestMigrationVersion).Select(v => (long)v), versions);
        Assert.True((await other.TryClaimAsync(Claim(LicenseOwner.Service(1)))).Claimed);
    }

    [Fact]
    public async Task Migrate_adopts_the_original_table_and_keeps_every_row()
    {
        await OriginalModule.CreateTableAsync(Db);
        var active = await OriginalModule.InsertRowAsync(Db, 10, 3, "KEY-LEGACY-ACTIVE", "2024-01-02 03:04:05");
        var revoked = await OriginalModule.InsertRowAsync(Db, 11, 3, "KEY-LEGACY-REVOKED", "2024-02-03 04:05:06");
        await OriginalModule.RevokeRowAsync(Db, revoked, "2024-05-06 07:08:09");
        const string baseColumns = "SELECT id, order_id, product_id, license_key, issued_at, revoked_at FROM jetpack_product_licenses ORDER BY id";
        var before = Describe(await Db.QueryRowsAsync(baseColumns));

        await Ledger.MigrateAsync();
        await Db.CreateLedger().MigrateAsync();

        Assert.Equal(before, Describe(await Db.QueryRowsAsync(baseColumns)));
        var activeRow = await Ledger.GetAsync(active);
        Assert.NotNull(activeRow);
        Assert.Equal(LicenseState.Active, activeRow.State);
        Assert.Equal("KEY-LEGACY-ACTIVE", activeRow.LicenseKey);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), activeRow.IssuedAt);
        Assert.Equal(DateTimeKind.Utc, activeRow.IssuedAt.Kind);
        Assert.True(activeRow.IsLegacyUnclaimed);
        Assert.Null(activeRow.ActiveOwner);
        var revokedRow = await Ledger.FindByKeyAsync("KEY-LEGACY-REVOKED");
        Assert.NotNull(revokedRow);
        Assert.Equal(LicenseState.Revoked, revokedRow.State);
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc), revokedRow.RevokedAt);

        // The adopted table works like a new one: the original's own inserts still succeed beside ours.
        Assert.True((await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(5)))).Claimed);
        await OriginalModule.InsertRowAsync(Db, 12, 3, "KEY-LEGACY-AFTER", "2024-06-01 00:00:00");
        Assert.Equal(LicenseState.Active, (await Ledger.FindByKeyAsync("KEY-LEGACY-AFTER"))!.State);
    }

    [Fact]
    public async Task Migrate_finishes_a_table_that_already_has_some_of_our_columns_and_indexes()
    {
        // As after an interrupted migration, or a second process that got there first.
        await OriginalModule.CreateTableAsync(Db);
        await Db.ExecuteAsync("ALTER TABLE jetpack_product_licenses ADD COLUMN active_owner VARCHAR(64) NULL");
        await Db.ExecuteAsync($"CREATE UNIQUE INDEX {LedgerSchema.Indexes.ActiveOwnerUnique} ON jetpack_product_licenses (active_owner)");
        var legacy = await OriginalModule.InsertRowAsync(Db, 10, 3, "KEY-LEGACY", "2024-01-02 03:04:05");

        await Ledger.MigrateAsync();

        Assert.Equal("KEY-LEGACY", (await Ledger.GetAsync(legacy))!.LicenseKey);
        Assert.True(await Ledger.TryAdoptLegacyAsync(legacy, LicenseOwner.Service(1), null, null, T0));
        Assert.False((await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(1)))).Claimed);
    }

    [Fact]
    public async Task Migrate_refuses_duplicate_legacy_keys_and_names_them()
    {
        await OriginalModule.CreateTableAsync(Db);
        await OriginalModule.InsertRowAsync(Db, 10, 3, "KEY-TWICE", "2024-01-02 03:04:05");
        await OriginalModule.InsertRowAsync(Db, 11, 3, "KEY-TWICE", "2024-01-02 03:04:05");
        await OriginalModule.InsertRowAsync(Db, 12, 3, "KEY-ONCE", "2024-01-02 03:04:05");

        var error = await Assert.ThrowsAsync<LedgerMigrationException>(() => Ledger.MigrateAsync());

        Assert.Contains("KEY-TWICE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("KEY-ONCE", error.Message, StringComparison.Ordinal);
        Assert.Contains("keep one row per key", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM jetpack_product_licenses"));

        // Once a person fixes the data, the migration completes.
        await Db.ExecuteAsync("DELETE FROM jetpack_product_licenses WHERE order_id = 11");
        await Ledger.MigrateAsync();
        Assert.Equal(LicenseState.Active, (await Ledger.FindByKeyAsync("KEY-TWICE"))!.State);
    }

    [Fact]
    public async Task Updates_never_change_issued_at_on_the_original_table()
    {
        await OriginalModule.CreateTableAsync(Db);
        if (Provider == LedgerProvider.MySql)
        {
            // The trap this test guards against must really be there.
            var ddl = (await Db.QueryRowsAsync("SHOW CREATE TABLE jetpack_product_licenses")).Single()["Create Table"]!.ToString()!;
            Assert.Contains("ON UPDATE current_timestamp()", ddl, StringComparison.OrdinalIgnoreCase);
        }

        var legacy = await OriginalModule.InsertRowAsync(Db, 10, 3, "KEY-LEGACY", "2024-01-02 03:04:05");
        await Ledger.MigrateAsync();
        var issuedAt = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        Assert.True(await Ledger.TryAdoptLegacyAsync(legacy, LicenseOwner.Service(1), "jetpack-backup-t1", "fp", T0));
        await Ledger.SetAttachmentAsync(legacy, "example.com", T0, T0);
        await Ledger.SetSuspendedSiteAsync(legacy, "example.com", T0);
        await Ledger.SetLastErrorAsync(legacy, "Something failed.", T0);
        Assert.Equal(issuedAt, (await Ledger.GetAsync(legacy))!.IssuedAt);

        var fresh = await ActiveAsync(LicenseOwner.Service(2), "KEY-NEW");
        var successor = await ActiveAsync(LicenseOwner.Service(2), "KEY-NEXT", LicenseOwner.Service(2).SuccessorSlotKey);
        var claim = await Ledger.TryClaimAsync(Claim(LicenseOwner.Service(3)));
        Assert.True(await Ledger.TryTakeOverClaimAsync(claim.Record.Id, claim.Record.ClaimId!, "claim-2", T0.AddHours(1)));
        await Ledger.PromoteSuccessorAsync(fresh.Id, T0.AddHours(2), successor.Id, T0.AddHours(2));
        await Ledger.MarkRevokedAsync(legacy, T0.AddHours(3), T0.AddHours(3));

        Assert.Equal(issuedAt, (await Ledger.GetAsync(legacy))!.IssuedAt);
        Assert.Equal(fresh.IssuedAt, (await Ledger.GetAsync(fresh.Id))!.IssuedAt);
        Assert.Equal(successor.IssuedAt, (await Ledger.GetAsync(successor.Id))!.IssuedAt);
        Assert.Equal(T0, (await Ledger.GetAsync(claim.Record.Id))!.IssuedAt);
    }

    private static List<string> Describe(IReadOnlyList<IDictionary<string, object?>> rows) =>
        rows.Select(r => string.Join("|", r.Values.Select(v => v is DateTime d ? d.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "NULL"))).ToList();
}
