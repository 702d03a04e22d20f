using System.Collections.Concurrent;

namespace JetpackWhmcs.Service.Tokens;

/// <summary>
/// The partner tokens this process knows, in memory only: configured ones, those seen on module calls
/// (<c>configoption1</c>), and on MySQL those of WHMCS's own Jetpack products and addons. Background
/// work (recovery, reconcile) needs them; they are never written to our tables.
/// </summary>
public sealed class TokenRegistry
{
    private readonly ConcurrentDictionary<string, byte> tokens = new(StringComparer.Ordinal);

    /// <summary>Creates a registry holding <paramref name="initial"/>.</summary>
    public TokenRegistry(IEnumerable<string>? initial = null)
    {
        foreach (var token in initial ?? [])
        {
            Remember(token);
        }
    }

    /// <summary>Every known token.</summary>
    public IReadOnlyCollection<string> All => [.. tokens.Keys];

    /// <summary>Adds a token (blank values are ignored).</summary>
    public void Remember(string? token)
    {
        if (!string.IsNullOrWhiteSpace(token))
        {
            tokens.TryAdd(token.Trim(), 0);
        }
    }

    /// <summary>The known token whose fingerprint is <paramref name="fingerprint"/>, if any.</summary>
    public string? FindByFingerprint(string? fingerprint, Func<string, string> fingerprintOf)
    {
        ArgumentNullException.ThrowIfNull(fingerprintOf);
        return fingerprint is null ? null : tokens.Keys.FirstOrDefault(t => string.Equals(fingerprintOf(t), fingerprint, StringComparison.Ordinal));
    }
}
