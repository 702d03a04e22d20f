using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>The ledger behaviours on the test MariaDB server (JETPACK_WHMCS_TEST_MYSQL).</summary>
public sealed class MariaDbLedgerTests : LedgerTests
{
    protected override LedgerProvider Provider => LedgerProvider.MySql;

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
