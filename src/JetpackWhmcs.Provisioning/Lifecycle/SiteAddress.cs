namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>The customer's site as WHMCS holds it (<c>example.com</c>, <c>http://example.com/blog/</c>).</summary>
internal static class SiteAddress
{
    /// <summary>An absolute URL keeping the customer's scheme, else https; null when the domain is not a usable address.</summary>
    public static Uri? ToUrl(string domain)
    {
        var text = domain.Trim().TrimEnd('/');
        if (text.Length == 0 || text.Any(c => char.IsWhiteSpace(c) || c is '"' or '<' or '>' or '\'' or '\\'))
        {
            return null;
        }

        if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : null;
    }

    /// <summary>The site as the attach call takes it: the absolute URL without a trailing slash.</summary>
    public static string? ForApi(string domain) => ToUrl(domain)?.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Whether two addresses name the same site: scheme, a leading "www." and trailing slashes aside.</summary>
    public static bool SameSite(string a, string b) =>
        string.Equals(Comparable(a), Comparable(b), StringComparison.OrdinalIgnoreCase);

    private static string Comparable(string site)
    {
        var text = site.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        text = scheme >= 0 ? text[(scheme + 3)..] : text;
        text = text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
        return text.TrimEnd('/');
    }

    /// <summary>The Jetpack licence activation page on the customer's site, or empty.</summary>
    public static string ActivationUrl(string domain) =>
        ForApi(domain) is { } site ? site + "/wp-admin/admin.php?page=jetpack#/license/activation" : "";
}
