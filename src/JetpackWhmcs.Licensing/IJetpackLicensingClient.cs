using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Licensing;

/// <summary>
/// The Jetpack Licensing API, one method per endpoint. Every method that needs a partner token takes
/// it as an argument, because a WHMCS installation holds one token per product; implementations share
/// one connection pool across tokens.
/// </summary>
/// <remarks>
/// Every failure is a <see cref="JetpackApiException"/>; argument mistakes throw
/// <see cref="ArgumentException"/>. Reads are retried on transient failures; issue, revoke, attach and
/// detach are never re-sent once they may have reached the server (see <c>RetryRule</c>).
/// </remarks>
public interface IJetpackLicensingClient
{
    /// <summary>GET <c>/license</c>: one licence by key.</summary>
    Task<License> GetLicenseAsync(string token, string licenseKey, CancellationToken cancellationToken = default);

    /// <summary>POST <c>/license?product=slug</c>: issues a new, billable licence.</summary>
    Task<License> IssueLicenseAsync(string token, string productSlug, CancellationToken cancellationToken = default);

    /// <summary>DELETE <c>/license?license_key=key</c>: revokes a licence.</summary>
    Task<License> RevokeLicenseAsync(string token, string licenseKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST <c>/license/{key}/site?site=...</c>: attaches a licence to a site given as an absolute URL,
    /// a numeric blog id, or the <c>example.com::sub</c> form.
    /// </summary>
    Task<License> AttachLicenseAsync(string token, string licenseKey, string site, CancellationToken cancellationToken = default);

    /// <summary>DELETE <c>/license/{key}/site</c>: detaches a licence from its site.</summary>
    /// <param name="token">The partner token.</param>
    /// <param name="licenseKey">The licence key.</param>
    /// <param name="cancellationEmail">Whether Jetpack emails the site owner (the API's default: true).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<License> DetachLicenseAsync(string token, string licenseKey, bool cancellationEmail = true, CancellationToken cancellationToken = default);

    /// <summary>GET <c>/licenses</c>: one page of the partner's licences.</summary>
    Task<LicensePage> ListLicensesAsync(string token, LicenseListQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every licence matching <paramref name="query"/>, page after page, starting at its page.</summary>
    IAsyncEnumerable<License> ListAllLicensesAsync(string token, LicenseListQuery query, CancellationToken cancellationToken = default);

    /// <summary>GET <c>/product-families</c> (no token): the public catalogue.</summary>
    Task<IReadOnlyList<ProductFamily>> GetProductFamiliesAsync(CancellationToken cancellationToken = default);

    /// <summary>GET <c>/partner/product-families</c>: the catalogue with the partner's prices.</summary>
    Task<IReadOnlyList<PartnerProductFamily>> GetPartnerProductFamiliesAsync(string token, CancellationToken cancellationToken = default);
}
