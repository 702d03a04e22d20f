using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Ledger.Tests;

/// <summary>The ledger behaviours on a SQLite file.</summary>
public sealed class SqliteLedgerTests : LedgerTests
{
    protected override LedgerProvider Provider => LedgerProvider.Sqlite;

    /// <summary>EXPLAIN QUERY PLAN says SEARCH (an index or rowid seek) for each table read; SCAN would be a full scan.</summary>
    protected override async Task AssertUsesIndexAsync(string what, string sql, object parameters)
    {
        var details = (await Db.QueryRowsAsync("EXPLAIN QUERY PLAN " + sql, parameters)).Select(r => (string)r["detail"]!).ToList();
        var reads = details.Where(d => d.Contains("jetpack_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, d => Assert.True(d.StartsWith("SEARCH", StringComparison.Ordinal), $"The lookup {what} scans: {string.Join(" / ", details)}"));
    }
}
