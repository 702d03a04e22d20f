using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Tests;
using JetpackWhmcs.Provisioning.Tests.Harness;

namespace JetpackWhmcs.Provisioning.Tests.Lifecycle;

/// <summary>Rows written by the original module (its exact DDL) stay usable after migration. SQLite and MariaDB.</summary>
public abstract class LegacyAdoptionTests : IAsyncLifetime
{
    private EngineHarness? harness;
    private string legacyKey = "";
    private long legacyId;

    protected abstract LedgerProvider Provider { get; }

    private EngineHarness H => harness!;

    public async Task InitializeAsync()
    {
        harness = await EngineHarness.StartAsync(Provider, migrate: false);
        await OriginalModule.CreateTableAsync(H.Database);
        legacyKey = H.Sandbox.Store.IssueDirect(EngineHarness.Token, "jetpack-backup-daily").LicenseKey;
        legacyId = await OriginalModule.InsertRowAsync(H.Database, 700, 9, legacyKey, "2024-01-02 03:04:05");
        var revokedId = await OriginalModule.InsertRowAsync(H.Database, 701, 9, "jetpack-scan_OldRevokedKey000000000000000", "2023-05-06 07:08:09");
        await OriginalModule.RevokeRowAsync(H.Database, revokedId, "2023-06-01 00:00:00");
        await H.Ledger.MigrateAsync();
    }

    public async Task DisposeAsync() => await H.DisposeAsync();

    [Fact]
    public async Task Migration_keeps_every_original_row_intact()
    {
        var rows = await H.Database.QueryRowsAsync("SELECT id, order_id, product_id, license_key, revoked_at FROM jetpack_product_licenses ORDER BY id");
        Assert.Equal(2, rows.Count);
        Assert.Equal(legacyKey, rows[0]["license_key"]);
        Assert.Equal(700L, Convert.ToInt64(rows[0]["order_id"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(9L, Convert.ToInt64(rows[0]["product_id"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(rows[0]["revoked_at"]);
        Assert.NotNull(rows[1]["revoked_at"]);
        var legacy = (await H.Ledger.GetAsync(legacyId))!;
        Assert.True(legacy.IsLegacyUnclaimed);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), legacy.IssuedAt);
    }

    [Fact]
    public async Task ClientArea_and_admin_tab_show_the_legacy_key_and_terminate_revokes_it_on_the_api()
    {
        var service = Services.Product(800, orderId: 700, pid: 9);
        var vars = (JsonObject)((JsonObject)(await H.InvokeAsync("ClientArea", service)).Value!)["vars"]!;
        Assert.Equal(legacyKey, vars["license_key"]!.GetValue<string>());
        Assert.Equal("active", vars["state"]!.GetValue<string>());
        var tab = (JsonObject)(await H.InvokeAsync("AdminServicesTabFields", service)).Value!;
        Assert.Equal(legacyKey, tab["License Key"]!.GetValue<string>());

        Assert.Equal("success", await H.CallAsync("TerminateAccount", service));
        Assert.True(H.Sandbox.Store.Find(EngineHarness.Token, legacyKey)!.IsRevoked);
        var row = (await H.Ledger.GetAsync(legacyId))!;
        Assert.Equal(LicenseState.Revoked, row.State);
        Assert.NotNull(row.RevokedAt);
        Assert.Equal(800, row.ServiceId);
        Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
    }

    [Fact]
    public async Task CreateAccount_adopts_the_legacy_row_instead_of_issuing()
    {
        var service = Services.Product(801, orderId: 700, pid: 9);
        Assert.Equal("success", await H.CallAsync("CreateAccount", service));
        Assert.Single(H.Sandbox.Store.LicensesOf(EngineHarness.Token));
        var row = (await H.Ledger.FindBySlotAsync("service:801"))!;
        Assert.Equal(legacyId, row.Id);
        Assert.Equal(legacyKey, row.LicenseKey);
        Assert.Equal("jetpack-backup-daily", row.ProductSlug);

        // Another service of the same (order, pid) no longer sees it: it was adopted.
        Assert.Equal("none", ((JsonObject)((JsonObject)(await H.InvokeAsync("ClientArea", Services.Product(802, orderId: 700, pid: 9))).Value!)["vars"]!)["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_addon_of_another_product_on_the_same_order_does_not_take_the_legacy_row()
    {
        var addon = Services.Addon(803, 41, "jetpack-anti-spam", orderId: 700, pid: 9);
        Assert.Equal("success", await H.CallAsync("CreateAccount", addon));
        var row = (await H.Ledger.FindBySlotAsync("addon:41"))!;
        Assert.StartsWith("jetpack-anti-spam_", row.LicenseKey, StringComparison.Ordinal);
        Assert.True((await H.Ledger.GetAsync(legacyId))!.IsLegacyUnclaimed);
    }
}

public sealed class SqliteLegacyAdoptionTests : LegacyAdoptionTests
{
    protected override LedgerProvider Provider => LedgerProvider.Sqlite;
}

public sealed class MariaDbLegacyAdoptionTests : LegacyAdoptionTests
{
    protected override LedgerProvider Provider => LedgerProvider.MySql;
}
