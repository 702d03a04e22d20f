namespace JetpackWhmcs.Licensing;

/// <summary>
/// What a partner token must look like before it is put in a request header. A token pasted with a
/// <c>Bearer </c> prefix, a space, a byte-order mark or a zero-width character cannot be sent (the
/// HTTP stack refuses the header), so it is refused before anything is claimed or sent. The sentences
/// never echo the token: it is a secret.
/// </summary>
public static class PartnerTokenFormat
{
    /// <summary>Why <paramref name="token"/> cannot be used, in one sentence; null when it can.</summary>
    public static string? Problem(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return "The Jetpack API token is not set; enter it in the product's module settings and try again.";
        }

        if (token.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) && token.Length > 6 && !IsTokenChar(token[6]))
        {
            return "The Jetpack API token starts with the word Bearer; enter only the token itself in the product's module settings.";
        }

        foreach (var c in token)
        {
            if (char.IsWhiteSpace(c))
            {
                return "The Jetpack API token contains a space or line break; paste it again without them in the product's module settings.";
            }

            if (!IsTokenChar(c))
            {
                return "The Jetpack API token contains an invisible or non-ASCII character (often picked up when copying); type or paste it again in the product's module settings.";
            }
        }

        return null;
    }

    /// <summary>Printable ASCII other than space: what a bearer token is made of.</summary>
    private static bool IsTokenChar(char c) => c is > ' ' and < (char)0x7F;
}
