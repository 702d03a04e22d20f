using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Ledger.Tests;

public sealed class LedgerFactoryTests
{
    [Theory]
    [InlineData("Server=127.0.0.1;Database=whmcs;Uid=u", LedgerProvider.MySql)]
    [InlineData("host=db.internal; database=whmcs; user=u", LedgerProvider.MySql)]
    [InlineData("Data Source=ledger.db", LedgerProvider.Sqlite)]
    [InlineData("ledger.db", LedgerProvider.Sqlite)]
    [InlineData("data/ledger;v2.db", LedgerProvider.Sqlite)]
    public void The_provider_is_detected_from_the_setting(string database, LedgerProvider expected) =>
        Assert.Equal(expected, LedgerFactory.DetectProvider(database));

    [Fact]
    public void A_mysql_connection_string_without_a_database_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LedgerFactory.Create("Server=127.0.0.1;Uid=u"));
        Assert.Contains("Database=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_path_creates_a_working_sqlite_ledger()
    {
        var file = Path.Combine(Path.GetTempPath(), "jetpack-whmcs-tests", $"factory-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var ledger = LedgerFactory.Create(file);
        await ledger.MigrateAsync();
        await ledger.PingAsync();
        Assert.True(File.Exists(file));
    }
}
