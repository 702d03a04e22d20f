using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Security;

namespace JetpackWhmcs.Provisioning.Recovery;

/// <summary>Ways to find the token of a ledger row (the ledger stores only fingerprints).</summary>
public static class TokenResolvers
{
    /// <summary>Resolves rows whose fingerprint is one of <paramref name="tokens"/>; rows without a fingerprint get the only token when there is exactly one.</summary>
    public static Func<LicenseRecord, string?> FromTokens(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var byFingerprint = tokens.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .ToDictionary(TokenFingerprint.Of, t => t, StringComparer.Ordinal);
        var single = byFingerprint.Count == 1 ? byFingerprint.Values.First() : null;
        return row => row.TokenFingerprint is { } fingerprint
            ? byFingerprint.GetValueOrDefault(fingerprint)
            : single;
    }
}
