using System.Globalization;
using System.Text;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Sql;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>
/// Every lookup the module functions make is served by an index: asked of the database's own
/// planner, on a table large enough that a planner would not prefer a scan for its own sake.
/// </summary>
public abstract partial class LedgerTests
{
    private const int SeedRows = 20_000;

    /// <summary>Asserts that the planner answers <paramref name="sql"/> with an index seek on every table it reads.</summary>
    protected abstract Task AssertUsesIndexAsync(string what, string sql, object parameters);

    [Fact]
    public async Task Every_lookup_is_served_by_an_index()
    {
        await Ledger.MigrateAsync();
        await SeedAsync();
        var sql = ((SqlLicenseLedger)Ledger).Sql;

        await AssertUsesIndexAsync("by id", sql.SelectById, new { Id = 5003 });
        await AssertUsesIndexAsync("by slot", sql.SelectBySlot, new { Slot = "service:5003" });
        await AssertUsesIndexAsync("by service", sql.SelectByService, new { Id = 5003 });
        await AssertUsesIndexAsync("by addon", sql.SelectByAddon, new { Id = 5001 });
        await AssertUsesIndexAsync("legacy by order and product", sql.SelectUnclaimedLegacy, new { OrderId = 5000, ProductId = 5000 % 7 });
        await AssertUsesIndexAsync("by key", sql.SelectByKey, new { LicenseKey = "KEY-5003" });
        await AssertUsesIndexAsync("known keys", sql.SelectKnownKeys, new { Keys = new[] { "KEY-5003", "KEY-9", "KEY-UNKNOWN" } });
        await AssertUsesIndexAsync("pending", sql.SelectPending, new { Before = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc) });
        await AssertUsesIndexAsync("successor for update", sql.SelectSuccessorForUpdate, new { Id = 5003 });
        await AssertUsesIndexAsync("audit by owner", sql.AuditPrefix + " AND owner = @Owner" + sql.AuditSuffix, new { Owner = "service:42", Limit = 100 });
        await AssertUsesIndexAsync("audit by key", sql.AuditPrefix + " AND license_key = @LicenseKey" + sql.AuditSuffix, new { LicenseKey = "KEY-42", Limit = 100 });

        // The check itself can fail: a filter on an unindexed column is reported as a scan.
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() =>
            AssertUsesIndexAsync("unindexed", "SELECT id FROM jetpack_product_licenses WHERE last_error = @E", new { E = "x" }));
    }

    /// <summary>
    /// 20,000 rows: one in ten legacy, one in ten an addon's, one in a hundred pending, the rest
    /// active services; 2,000 audit rows.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var connection = await Db.OpenAsync();
        for (var start = 0; start < SeedRows; start += 1000)
        {
            var values = new StringBuilder();
            for (var i = start; i < start + 1000; i++)
            {
                var kind = i % 10 == 0 ? "legacy" : i % 10 == 1 ? "addon" : i % 100 == 2 ? "pending" : "service";
                var row = kind switch
                {
                    "legacy" => $"({i}, {i % 7}, 'KEY-{i}', '2025-01-01 00:00:00', NULL, NULL, NULL, NULL, NULL, NULL)",
                    "addon" => $"({i}, {i % 7}, 'KEY-{i}', '2025-01-01 00:00:00', {i / 10}, {i}, 'active', 'addon:{i}', 'c{i}', '2025-01-01 00:00:00')",
                    "pending" => $"({i}, {i % 7}, 'pending:c{i}', '2025-01-01 00:00:00', {i}, NULL, 'pending', 'service:{i}', 'c{i}', '2025-01-01 00:00:00')",
                    _ => $"({i}, {i % 7}, 'KEY-{i}', '2025-01-01 00:00:00', {i}, NULL, 'active', 'service:{i}', 'c{i}', '2025-01-01 00:00:00')",
                };
                values.Append(i == start ? "" : ", ").Append(row);
            }

            await using var command = connection.CreateCommand();
            command.CommandText =
                "INSERT INTO jetpack_product_licenses (order_id, product_id, license_key, issued_at, service_id, addon_id, state, active_owner, claim_id, claimed_at) VALUES " + values;
            await command.ExecuteNonQueryAsync();
        }

        var audit = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            audit.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"('2025-01-01 00:00:00', 'issue', 'service:{i}', 'KEY-{i}', 'ok', 10)");
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO jetpack_whmcs_audit (at, operation, owner, license_key, outcome, duration_ms) VALUES " + audit;
            await command.ExecuteNonQueryAsync();
        }

        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = Provider == LedgerProvider.MySql
                ? "ANALYZE TABLE jetpack_product_licenses, jetpack_whmcs_audit"
                : "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }
    }
}
