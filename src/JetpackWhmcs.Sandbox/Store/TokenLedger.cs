using JetpackWhmcs.Sandbox.Api;

namespace JetpackWhmcs.Sandbox.Store;

/// <summary>
/// The licences of one partner token, behind one lock: tokens never contend with each other, and
/// every operation on a token is a short critical section over in-memory data.
/// </summary>
internal sealed class TokenLedger(Random random)
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int KeyRandomLength = 25;

    private readonly Lock gate = new();
    private readonly List<SandboxLicense> inIssueOrder = [];
    private readonly Dictionary<string, int> indexByKey = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return inIssueOrder.Count;
            }
        }
    }

    public SandboxLicense[] Snapshot()
    {
        lock (gate)
        {
            return [.. inIssueOrder];
        }
    }

    public SandboxLicense? Find(string key)
    {
        lock (gate)
        {
            return indexByKey.TryGetValue(key, out var index) ? inIssueOrder[index] : null;
        }
    }

    /// <summary>
    /// Issues a licence; the id and time are taken inside the lock so that this token's licences stay
    /// in id order (the list endpoint relies on it to skip sorting).
    /// </summary>
    public SandboxLicense Issue(SandboxProduct product, Func<long> nextLicenseId, Func<DateTimeOffset> now)
    {
        lock (gate)
        {
            var licenseId = nextLicenseId();
            string key;
            do
            {
                key = product.Slug + "_" + RandomKeyPart();
            }
            while (indexByKey.ContainsKey(key));

            var license = new SandboxLicense(
                licenseId, key, product.Slug, product.ProductId, product.Name, now(),
                RevokedAt: null, BlogId: null, SiteUrl: null, AttachedAt: null, OwnerType: "jetpack_partner_key");
            indexByKey.Add(key, inIssueOrder.Count);
            inIssueOrder.Add(license);
            return license;
        }
    }

    /// <summary>Applies a rule-checked change to one licence, atomically.</summary>
    public StoreOutcome Update(string key, Func<SandboxLicense, StoreOutcome> change)
    {
        lock (gate)
        {
            if (!indexByKey.TryGetValue(key, out var index))
            {
                return ApiError.NotFound(key);
            }

            var outcome = change(inIssueOrder[index]);
            if (outcome.License is { } updated)
            {
                inIssueOrder[index] = updated;
            }

            return outcome;
        }
    }

    private string RandomKeyPart()
    {
        Span<char> chars = stackalloc char[KeyRandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = KeyAlphabet[random.Next(KeyAlphabet.Length)];
        }

        return new string(chars);
    }
}
