using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace JetpackWhmcs.Service.Tests.Metrics;

public sealed class LicenseCountsCacheTests : IAsyncLifetime
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"jetpack-whmcs-counts-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private ILicenseLedger ledger = null!;

    public async Task InitializeAsync()
    {
        ledger = LedgerFactory.Create(file, time);
        await ledger.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_scrape_within_the_max_age_serves_the_previous_count_and_a_later_one_counts_again()
    {
        using var cache = new LicenseCountsCache(ledger, time);
        Assert.Equal(0, (await cache.GetAsync()).GetValueOrDefault(LicenseState.Pending));

        await ClaimAsync(1);
        time.Advance(LicenseCountsCache.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await cache.GetAsync()).GetValueOrDefault(LicenseState.Pending));

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, (await cache.GetAsync()).GetValueOrDefault(LicenseState.Pending));
    }

    [Fact]
    public async Task Concurrent_scrapes_of_a_stale_count_agree_on_one_fresh_count()
    {
        using var cache = new LicenseCountsCache(ledger, time);
        await ClaimAsync(1);
        await ClaimAsync(2);

        var scrapes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetAsync()));

        Assert.All(scrapes, counts => Assert.Equal(2, counts.GetValueOrDefault(LicenseState.Pending)));
    }

    private Task<ClaimResult> ClaimAsync(long serviceId) => ledger.TryClaimAsync(new NewClaim
    {
        Owner = LicenseOwner.Service(serviceId),
        SlotKey = LicenseOwner.Service(serviceId).SlotKey,
        ClaimId = Guid.NewGuid().ToString("N"),
        ProductSlug = "jetpack-scan",
        Now = time.GetUtcNow().UtcDateTime,
    });
}
