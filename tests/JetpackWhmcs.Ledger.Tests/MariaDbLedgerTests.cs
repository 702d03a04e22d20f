using Dapper;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Sql;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>The ledger behaviours on the test MariaDB server (JETPACK_WHMCS_TEST_MYSQL).</summary>
public sealed class MariaDbLedgerTests : LedgerTests
{
    protected override LedgerProvider Provider => LedgerProvider.MySql;

    [Fact]
    public async Task Ledger_sessions_run_in_utc_whatever_the_server_default()
    {
        await using var connection = await ((SqlLicenseLedger)Ledger).OpenAsync(CancellationToken.None);
        Assert.Equal("+00:00", await connection.ExecuteScalarAsync<string>("SELECT @@session.time_zone"));
    }

    [Fact]
    public async Task Timestamps_hold_the_instant_that_was_written()
    {
        await Ledger.MigrateAsync();
        var now = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        var row = (await Ledger.TryClaimAsync(new NewClaim
        {
            Owner = LicenseOwner.Service(1),
            SlotKey = "service:1",
            ClaimId = "c1",
            ProductSlug = "jetpack-backup-t1",
            Now = now,
        })).Record;

        // UNIX_TIMESTAMP of a TIMESTAMP column is the stored instant, independent of any session time zone.
        var epoch = await Db.ScalarAsync<long>("SELECT UNIX_TIMESTAMP(issued_at) FROM jetpack_product_licenses WHERE id = @Id", new { row.Id });
        Assert.Equal(new DateTimeOffset(now).ToUnixTimeSeconds(), epoch);

        // A legacy row written from a session in another zone reads as the same instant in UTC.
        await Db.ExecuteAsync(
            "SET time_zone = '+02:00'; INSERT INTO jetpack_product_licenses (order_id, product_id, license_key, issued_at) VALUES (1, 1, 'KEY-TZ', '2024-01-02 03:04:05')");
        Assert.Equal(new DateTime(2024, 1, 2, 1, 4, 5, DateTimeKind.Utc), (await Ledger.FindByKeyAsync("KEY-TZ"))!.IssuedAt);
    }

    /// <summary>EXPLAIN names the index it uses (<c>key</c>); <c>ALL</c> or <c>index</c> would be a full scan.</summary>
    protected override async Task AssertUsesIndexAsync(string what, string sql, object parameters)
    {
        var plan = await Db.QueryRowsAsync("EXPLAIN " + sql, parameters);
        Assert.NotEmpty(plan);
        foreach (var step in plan)
        {
            var description = string.Join(", ", step.Select(p => $"{p.Key}={p.Value}"));
            Assert.True(step["key"] is string { Length: > 0 }, $"The lookup {what} uses no index: {description}");
            Assert.True(step["type"] is string type && type != "ALL" && type != "index", $"The lookup {what} scans: {description}");
        }
    }
}
