using System.Collections.Concurrent;
using JetpackWhmcs.Sandbox.Api;
using JetpackWhmcs.Sandbox.Store;

namespace JetpackWhmcs.Sandbox;

/// <summary>
/// The sandbox's licences, in memory, per partner token. Thread-safe: one lock per token. The
/// <c>...Direct</c> methods change licences without HTTP, as if done "behind WHMCS's back" (seed data,
/// a licence issued in the partner portal, a site owner detaching it in the Jetpack dashboard).
/// </summary>
public sealed class SandboxStore
{
    private readonly ConcurrentDictionary<string, TokenLedger> ledgers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> knownSites = new();

    // Sites (by blog id) where Jetpack is not connected yet: the API cannot attach a licence to them.
    private readonly ConcurrentDictionary<long, bool> unconnectedSites = new();
    private readonly int seed;
    private readonly TimeProvider timeProvider;
    private long lastLicenseId;

    /// <summary>Creates an empty store whose keys derive from <see cref="SandboxOptions.Seed"/>.</summary>
    public SandboxStore(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        seed = options.Seed;
        timeProvider = options.TimeProvider;

        // Ids start at a seed-dependent, realistic-looking offset (int64, beyond int32 range).
        lastLicenseId = 3_000_000_000L + (long)(StableHash.Mix((ulong)(uint)seed) % 1_000_000UL) * 1_000L;
    }

    /// <summary>Total number of licences, all tokens together.</summary>
    public int TotalCount => ledgers.Values.Sum(l => l.Count);

    /// <summary>Number of licences held by one token (revoked ones included).</summary>
    public int CountOf(string token) => ledgers.TryGetValue(token, out var ledger) ? ledger.Count : 0;

    /// <summary>The licences of one token, in issue order (a snapshot).</summary>
    public IReadOnlyList<SandboxLicense> LicensesOf(string token) =>
        ledgers.TryGetValue(token, out var ledger) ? ledger.Snapshot() : [];

    /// <summary>The licence with that key if this token holds it, else null.</summary>
    public SandboxLicense? Find(string token, string key) =>
        ledgers.TryGetValue(token, out var ledger) ? ledger.Find(key) : null;

    /// <summary>Issues a licence without HTTP.</summary>
    /// <exception cref="ArgumentException">The slug is not in <see cref="SandboxCatalogue"/>.</exception>
    public SandboxLicense IssueDirect(string token, string productSlug)
    {
        ArgumentNullException.ThrowIfNull(token);
        var product = SandboxCatalogue.FindProduct(productSlug)
            ?? throw new ArgumentException($"'{productSlug}' is not a product of the sandbox catalogue.", nameof(productSlug));
        return Issue(token, product);
    }

    /// <summary>Revokes a licence without HTTP.</summary>
    /// <exception cref="InvalidOperationException">The key is unknown or the licence is already revoked.</exception>
    public SandboxLicense RevokeDirect(string token, string key) => OrThrow(Revoke(token, key));

    /// <summary>Attaches a licence to a site (URL, blog id or <c>example.com::sub</c>) without HTTP.</summary>
    /// <exception cref="InvalidOperationException">The key is unknown, the site invalid, or a rule forbids it.</exception>
    public SandboxLicense AttachDirect(string token, string key, string site) => OrThrow(Attach(token, key, site));

    /// <summary>
    /// Marks a site (URL, blog id or <c>example.com::sub</c>) as not connected to Jetpack yet: attaching a
    /// licence to it is refused with <c>site_not_connected</c> until the site connects (the API's rule that
    /// attaching requires a connected site; every other site counts as connected).
    /// </summary>
    /// <exception cref="ArgumentException">The site is not a site address.</exception>
    public void MarkSiteNotConnected(string site) => unconnectedSites[BlogIdOf(site)] = true;

    /// <summary>
    /// What happens when the site owner pastes the key in Jetpack's licence activation screen: the site
    /// connects to Jetpack, and Jetpack attaches the licence to it itself (no partner call involved).
    /// </summary>
    /// <exception cref="ArgumentException">The site is not a site address.</exception>
    /// <exception cref="InvalidOperationException">The key is unknown, revoked or attached elsewhere.</exception>
    public SandboxLicense UseKeyOnSiteDirect(string token, string key, string site)
    {
        unconnectedSites.TryRemove(BlogIdOf(site), out _);
        return OrThrow(Attach(token, key, site));
    }

    /// <summary>Detaches a licence without HTTP.</summary>
    /// <exception cref="InvalidOperationException">The key is unknown or the licence is not attached.</exception>
    public SandboxLicense DetachDirect(string token, string key) => OrThrow(Detach(token, key));

    internal SandboxLicense Issue(string token, SandboxProduct product)
    {
        var ledger = ledgers.GetOrAdd(token, CreateLedger);
        return ledger.Issue(product, () => Interlocked.Increment(ref lastLicenseId), Now);
    }

    internal StoreOutcome Revoke(string token, string key) =>
        Update(token, key, license => license.IsRevoked
            ? new ApiError(400, "license_already_revoked", $"The license '{key}' is already revoked.")
            : license with { RevokedAt = Now() });

    internal StoreOutcome Attach(string token, string key, string? rawSite)
    {
        if (!SiteAddress.TryParse(rawSite, out var site))
        {
            return new ApiError(400, "invalid_site",
                $"'{rawSite}' is not a site: send an absolute URL (https://example.com/sub), a numeric blog id, or the form example.com::sub.");
        }

        var blogId = site.BlogId ?? SiteAddress.BlogIdFor(site.SiteUrl!);
        var siteUrl = site.SiteUrl ?? knownSites.GetValueOrDefault(blogId, $"https://site-{blogId}.example.net");
        knownSites.TryAdd(blogId, siteUrl);
        if (unconnectedSites.ContainsKey(blogId))
        {
            // The real API's code for this case is not documented; the rule (a connected site) is.
            return new ApiError(400, "site_not_connected",
                $"The site '{siteUrl}' is not connected to Jetpack: install Jetpack on it and connect it to WordPress.com, then attach the license again.");
        }

        return Update(token, key, license =>
        {
            if (license.IsRevoked)
            {
                return new ApiError(400, "license_revoked", $"The license '{key}' is revoked and cannot be attached to a site.");
            }

            if (license.IsAttached)
            {
                return new ApiError(400, "license_already_attached",
                    $"The license '{key}' is already attached to {license.SiteUrl}; detach it first.");
            }

            return license with { BlogId = blogId, SiteUrl = siteUrl, AttachedAt = Now() };
        });
    }

    internal StoreOutcome Detach(string token, string key) =>
        Update(token, key, license => license.IsAttached
            ? license with { BlogId = null, SiteUrl = null, AttachedAt = null }
            : new ApiError(400, "license_not_attached", $"The license '{key}' is not attached to a site."));

    private static long BlogIdOf(string site) =>
        SiteAddress.TryParse(site, out var parsed)
            ? parsed.BlogId ?? SiteAddress.BlogIdFor(parsed.SiteUrl!)
            : throw new ArgumentException($"'{site}' is not a site address.", nameof(site));

    private StoreOutcome Update(string token, string key, Func<SandboxLicense, StoreOutcome> change) =>
        ledgers.TryGetValue(token, out var ledger) ? ledger.Update(key, change) : ApiError.NotFound(key);

    private TokenLedger CreateLedger(string token) =>
        new(new Random(unchecked((int)StableHash.Mix((ulong)(uint)seed ^ StableHash.Fnv1a(token)))));

    // The API shows whole seconds; storing whole seconds keeps sorting and the JSON in agreement.
    private DateTimeOffset Now()
    {
        var now = timeProvider.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static SandboxLicense OrThrow(StoreOutcome outcome) =>
        outcome.License ?? throw new InvalidOperationException($"{outcome.Error!.Code}: {outcome.Error.Message}");
}
