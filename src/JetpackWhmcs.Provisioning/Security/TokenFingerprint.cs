using System.Security.Cryptography;
using System.Text;

namespace JetpackWhmcs.Provisioning.Security;

/// <summary>
/// A one-way fingerprint of a partner token, stored in the ledger so that rows can be grouped by the
/// token that issued them without ever storing the token.
/// </summary>
public static class TokenFingerprint
{
    // A fixed application label as the HMAC key: the fingerprint is only useful inside this product.
    private static readonly byte[] Label = Encoding.UTF8.GetBytes("jetpack-whmcs/token-fingerprint/v1");

    /// <summary>The first 16 hex characters of HMAC-SHA256(label, token).</summary>
    public static string Of(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = HMACSHA256.HashData(Label, Encoding.UTF8.GetBytes(token));
        return Convert.ToHexStringLower(hash)[..16];
    }
}
