using JetpackWhmcs.Ledger.Nonces;

namespace JetpackWhmcs.Ledger.Tests;

public sealed class NonceStoreTests
{
    public static TheoryData<LedgerProvider> Providers => [LedgerProvider.Sqlite, LedgerProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_nonce_is_accepted_once_and_forgotten_after_a_purge(LedgerProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider, migrate: false);
        var store = LedgerFactory.CreateNonceStore(database.ConnectionString);
        await store.MigrateAsync();
        await store.MigrateAsync(); // idempotent
        var now = DateTimeOffset.UtcNow;
        var nonce = Guid.NewGuid().ToString("N");

        Assert.True(await store.TryRememberAsync(nonce, now));
        Assert.False(await store.TryRememberAsync(nonce, now));
        Assert.False(await store.TryRememberAsync(nonce.ToUpperInvariant(), now));

        await store.PurgeAsync(now.AddSeconds(1));
        Assert.True(await store.TryRememberAsync(nonce, now));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_nonce_seen_by_one_store_is_a_replay_for_another_store_on_the_same_database(LedgerProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider, migrate: false);
        var first = LedgerFactory.CreateNonceStore(database.ConnectionString);
        var second = LedgerFactory.CreateNonceStore(database.ConnectionString);
        await first.MigrateAsync();
        var nonce = Guid.NewGuid().ToString("N");

        Assert.True(await first.TryRememberAsync(nonce, DateTimeOffset.UtcNow));
        Assert.False(await second.TryRememberAsync(nonce, DateTimeOffset.UtcNow));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Proving_the_database_writable_keeps_no_nonce(LedgerProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider, migrate: false);
        var store = LedgerFactory.CreateNonceStore(database.ConnectionString);
        await store.MigrateAsync();

        await store.ProveWritableAsync();
        await store.ProveWritableAsync();

        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {LedgerSchema.NoncesTable}"));
    }

    [Fact]
    public async Task Proving_writable_fails_without_the_insert_right_on_mariadb()
    {
        await using var database = await TestDatabases.CreateMariaDbAsync(migrate: false);
        await LedgerFactory.CreateNonceStore(database.ConnectionString).MigrateAsync();
        var builder = new MySqlConnector.MySqlConnectionStringBuilder(database.ConnectionString);
        var user = "jw_nonce_" + Guid.NewGuid().ToString("N")[..8];
        var password = Guid.NewGuid().ToString("N");
        await database.ExecuteAsync($"CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'");
        try
        {
            await database.ExecuteAsync($"GRANT SELECT ON `{builder.Database}`.* TO '{user}'@'%'");
            var readOnly = new MySqlConnector.MySqlConnectionStringBuilder(database.ConnectionString) { UserID = user, Password = password }.ConnectionString;

            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => LedgerFactory.CreateNonceStore(readOnly).ProveWritableAsync());
        }
        finally
        {
            await database.ExecuteAsync($"DROP USER '{user}'@'%'");
        }
    }
}
