using System.Globalization;
using System.Text.RegularExpressions;
using JetpackWhmcs.Provisioning.Lifecycle;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// The site a customer names in the client area, as the attach call takes it. A domain of one of the
/// customer's own services (picked from the list) is accepted as WHMCS holds it; anything typed must be one
/// of the three forms the API documents: an absolute http(s) URL, a numeric blog id, or <c>example.com::path</c>.
/// </summary>
internal static partial class ClientSite
{
    /// <summary>
    /// The site for the API, or null when <paramref name="typed"/> is not a site address. A URL keeps the
    /// scheme the customer typed, loses a trailing slash, and may carry no credentials, query or fragment.
    /// </summary>
    public static string? Resolve(string typed, IEnumerable<string> ownDomains)
    {
        var text = typed.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var own = ownDomains.FirstOrDefault(d => string.Equals(Bare(d), Bare(text), StringComparison.OrdinalIgnoreCase));
        if (own is not null)
        {
            return SiteAddress.ForApi(own);
        }

        if (text.All(char.IsAsciiDigit))
        {
            return text.Length <= 18 && long.Parse(text, CultureInfo.InvariantCulture) > 0 ? text.TrimStart('0') : null;
        }

        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsHost(uri.Host) && uri.UserInfo.Length == 0
                && uri.Query.Length == 0 && uri.Fragment.Length == 0 && !text.Any(char.IsWhiteSpace)
                ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
                : null;
        }

        return Formatted().IsMatch(text) && IsHost(text.Split("::")[0]) ? text.ToLowerInvariant() : null;
    }

    /// <summary>The Jetpack licence activation screen on <paramref name="site"/>; empty for a blog id (no address to link to).</summary>
    public static string ActivationUrl(string site)
    {
        if (site.Length == 0 || site.All(char.IsAsciiDigit))
        {
            return "";
        }

        var address = site.Contains("://", StringComparison.Ordinal) ? site : "https://" + site.Replace("::", "/", StringComparison.Ordinal);
        return SiteAddress.ActivationUrl(address);
    }

    private static string Bare(string domain) => domain.Trim().TrimEnd('/');

    private static bool IsHost(string host) =>
        host.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4;

    // example.com::blog or example.com::blog::sub: a host, then path segments without slashes or spaces.
    [GeneratedRegex(@"^[A-Za-z0-9.-]+(::[A-Za-z0-9._~%-]+)+$")]
    private static partial Regex Formatted();
}
