using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

public sealed class NonceStoreTests
{
    [Fact]
    public async Task A_nonce_is_accepted_once_and_forgotten_after_a_purge()
    {
        using var directory = new TempDirectory();
        var store = new SqlNonceStore(Path.Combine(directory.Path, "ledger.db"));
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
}
