using Microsoft.Extensions.Primitives;

namespace JetpackWhmcs.Service.Bridge;

/// <summary>
/// The three signing headers of a request, each read exactly once. The values verified by
/// <see cref="BridgeSignature.Verify(byte[], string, SignedHeaders, ReadOnlySpan{byte}, DateTimeOffset, TimeSpan)"/>
/// are the values the nonce store remembers: there is no second reading that could see something else.
/// </summary>
/// <param name="Timestamp">The timestamp header's only value.</param>
/// <param name="Nonce">The nonce header's only value.</param>
/// <param name="Signature">The signature header's only value.</param>
public sealed record SignedHeaders(string Timestamp, string Nonce, string Signature)
{
    /// <summary>
    /// Reads the headers. A header given twice (on two lines, in any letter case: the HTTP server
    /// gathers them under one name) or a value holding a comma (two values joined on one line) is
    /// refused: the signature would check one value while the nonce store remembered another, which is
    /// how a captured call could be replayed under a "new" nonce.
    /// </summary>
    /// <returns>The headers, or null with the sentence for the 401 body.</returns>
    public static SignedHeaders? Read(IHeaderDictionary headers, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var timestamp = Single(headers, BridgeSignature.TimestampHeader, out var timestampRefusal);
        var nonce = Single(headers, BridgeSignature.NonceHeader, out var nonceRefusal);
        var signature = Single(headers, BridgeSignature.SignatureHeader, out var signatureRefusal);
        refusal = timestampRefusal ?? nonceRefusal ?? signatureRefusal;
        if (refusal is not null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature))
        {
            refusal = $"The request is not signed: the {BridgeSignature.TimestampHeader}, {BridgeSignature.NonceHeader} and {BridgeSignature.SignatureHeader} headers are required.";
            return null;
        }

        return new SignedHeaders(timestamp, nonce, signature);
    }

    private static string? Single(IHeaderDictionary headers, string name, out string? refusal)
    {
        refusal = null;
        if (!headers.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || values.Any(v => v is not null && v.Contains(',', StringComparison.Ordinal)))
        {
            refusal = $"The request carries the {name} header more than once (or a list of values in it): a signed request has exactly one of each signing header, so nothing was done.";
            return null;
        }

        return values[0];
    }
}
