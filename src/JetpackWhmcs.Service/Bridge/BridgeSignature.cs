using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JetpackWhmcs.Service.Bridge;

/// <summary>The request signature of docs/bridge-protocol.md: HMAC-SHA256 over <c>v1\n{Function}\n{timestamp}\n{nonce}\n{body}</c>.</summary>
public static class BridgeSignature
{
    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "X-Jetpack-Whmcs-Timestamp";

    /// <summary>The nonce header.</summary>
    public const string NonceHeader = "X-Jetpack-Whmcs-Nonce";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Jetpack-Whmcs-Signature";

    /// <summary>The signature bytes.</summary>
    public static byte[] Compute(byte[] key, string function, string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v1\n{function}\n{timestamp}\n{nonce}\n");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(key, message);
    }

    /// <summary>The signature as the header carries it (lowercase hex).</summary>
    public static string ComputeHex(byte[] key, string function, string timestamp, string nonce, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(Compute(key, function, timestamp, nonce, body));

    /// <summary>
    /// Checks the headers read once by <see cref="SignedHeaders.Read"/> and the signature; null when
    /// valid, else why not (a sentence for the 401 body). The comparison runs in constant time.
    /// </summary>
    public static string? Verify(byte[] key, string function, SignedHeaders headers, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Verify(key, function, headers.Timestamp, headers.Nonce, headers.Signature, body, now, maxAge);
    }

    /// <summary>
    /// Checks the header values and the signature; null when valid, else why not (a sentence for the 401 body).
    /// The comparison runs in constant time.
    /// </summary>
    public static string? Verify(byte[] key, string function, string? timestamp, string? nonce, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxAge)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature))
        {
            return $"The request is not signed: the {TimestampHeader}, {NonceHeader} and {SignatureHeader} headers are required.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "The request timestamp is not a Unix time in seconds.";
        }

        if (nonce.Length != 32 || !nonce.All(Uri.IsHexDigit))
        {
            return "The request nonce must be 32 hexadecimal characters.";
        }

        if (signature.Length != 64 || !signature.All(Uri.IsHexDigit))
        {
            return "The request signature is not valid: check that the bridge's secret matches the service's.";
        }

        var expected = Compute(key, function, timestamp, nonce, body);
        if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature)))
        {
            return "The request signature is not valid: check that the bridge's secret matches the service's.";
        }

        var skew = Math.Abs(now.ToUnixTimeSeconds() - seconds);
        if (skew > maxAge.TotalSeconds)
        {
            return $"The request timestamp is {skew} seconds away from the service's clock (at most {(long)maxAge.TotalSeconds} allowed): check the clocks of the WHMCS and service machines.";
        }

        return null;
    }
}
