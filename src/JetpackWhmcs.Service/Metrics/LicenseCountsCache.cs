using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Service.Metrics;

/// <summary>
/// Licences by state for <c>/metrics</c>, counted at most once per <see cref="MaxAge"/>. Counting reads
/// the whole licence table (about a second at a million rows on MariaDB, see benchmarks/RESULTS.md), so
/// a scrape every few seconds by several Prometheus servers must not run it each time; one scrape
/// counts while the others wait for that count rather than starting their own.
/// </summary>
public sealed class LicenseCountsCache(ILicenseLedger ledger, TimeProvider time) : IDisposable
{
    /// <summary>How long a count is served before the next scrape counts again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim counting = new(1, 1);
    private IReadOnlyDictionary<LicenseState, long>? counts;
    private DateTimeOffset countedAt;

    /// <summary>The latest count, counting again when it is older than <see cref="MaxAge"/>.</summary>
    public async Task<IReadOnlyDictionary<LicenseState, long>> GetAsync(CancellationToken cancellationToken = default)
    {
        if (counts is { } fresh && time.GetUtcNow() - countedAt < MaxAge)
        {
            return fresh;
        }

        await counting.WaitAsync(cancellationToken);
        try
        {
            if (counts is { } counted && time.GetUtcNow() - countedAt < MaxAge)
            {
                return counted;
            }

            counts = await ledger.CountByStateAsync(cancellationToken);
            countedAt = time.GetUtcNow();
            return counts;
        }
        finally
        {
            counting.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => counting.Dispose();
}
