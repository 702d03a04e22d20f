using System.Globalization;

namespace JetpackWhmcs.Sandbox.Store;

/// <summary>
/// The <c>site</c> parameter of attach, in any of its three forms: an absolute URL, a numeric blog id,
/// or the formatted form <c>example.com::sub</c> (path slashes written as <c>::</c>).
/// </summary>
internal readonly record struct SiteAddress(long? BlogId, string? SiteUrl)
{
    public static bool TryParse(string? raw, out SiteAddress site)
    {
        site = default;
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var blogId) || blogId <= 0)
            {
                return false;
            }

            site = new SiteAddress(blogId, null);
            return true;
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || !IsHost(uri.Host))
            {
                return false;
            }

            var path = uri.AbsolutePath.TrimEnd('/');
            var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
            site = new SiteAddress(null, $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{port}{path}");
            return true;
        }

        var parts = text.Split("::");
        if (!IsHost(parts[0]) || parts.Skip(1).Any(p => p.Length == 0 || p.Contains('/', StringComparison.Ordinal)))
        {
            return false;
        }

        var formattedPath = parts.Length > 1 ? "/" + string.Join('/', parts.Skip(1)) : string.Empty;
        site = new SiteAddress(null, $"https://{parts[0].ToLowerInvariant()}{formattedPath}");
        return true;
    }

    /// <summary>A stable, positive blog id for a URL (the sandbox has no real WordPress.com).</summary>
    public static long BlogIdFor(string siteUrl)
    {
        var withoutScheme = siteUrl[(siteUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var hash = StableHash.Mix(StableHash.Fnv1a(withoutScheme.ToLowerInvariant()));
        return 100_000_000 + (long)(hash % 900_000_000UL);
    }

    private static bool IsHost(string host) =>
        host.Length > 0
        && Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4
        && (host.Contains('.', StringComparison.Ordinal) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase));
}
