using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Licensing;

/// <summary>
/// The Jetpack Licensing API, one method per endpoint. Every method that needs a partner token takes
/// it as an argument, because a WHMCS installation holds one token per product; implementations share
/// one connection pool across tokens.
/// </summary>
/// <remarks>
/// <para>
/// Every failure of the API or the network is a <see cref="JetpackApiException"/> (with status, API
/// code and message, request id, and <see cref="JetpackApiException.MayHaveBeenCarriedOut"/>);
/// argument mistakes throw the <see cref="ArgumentException"/> family before anything is sent; a
/// caller's cancellation throws <see cref="OperationCanceledException"/>.
/// </para>
/// <para>
/// Reads (get, list, product families) are retried on transient failures; issue, revoke, attach and
/// detach are retried only when the server certainly did nothing (429, refused connection) and are
/// never re-sent once they may have reached the server (see <c>RetryRule</c>).
/// </para>
/// </remarks>
public interface IJetpackLicensingClient
{
    /// <summary>GET <c>/license?license_key=key</c>: one licence by key (retried on transient failures).</summary>
    /// <param name="token">The partner token; not empty, no spaces.</param>
    /// <param name="licenseKey">The licence key; not empty, no spaces.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>The licence (id, key, issue and revoke times).</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or holds spaces.</exception>
    /// <exception cref="JetpackApiException">The API refused (e.g. 404 <c>license_not_found</c>) or could not be reached.</exception>
    Task<License> GetLicenseAsync(string token, string licenseKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST <c>/license?product=slug</c>: issues a new, billable licence. Never re-sent once it may have
    /// reached the server.
    /// </summary>
    /// <param name="token">The partner token; not empty, no spaces.</param>
    /// <param name="productSlug">The product slug, e.g. <c>jetpack-backup-daily</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new licence, <c>revoked_at</c> null.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or holds spaces.</exception>
    /// <exception cref="JetpackApiException">
    /// The API refused (e.g. 400 <c>invalid_product</c>, 403 bad token) or the answer was lost; when
    /// <see cref="JetpackApiException.MayHaveBeenCarriedOut"/> is true a licence may exist.
    /// </exception>
    Task<License> IssueLicenseAsync(string token, string productSlug, CancellationToken cancellationToken = default);

    /// <summary>DELETE <c>/license?license_key=key</c>: revokes a licence. Never re-sent once it may have reached the server.</summary>
    /// <param name="token">The partner token; not empty, no spaces.</param>
    /// <param name="licenseKey">The licence key; not empty, no spaces.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The licence, now with <c>revoked_at</c> set.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or holds spaces.</exception>
    /// <exception cref="JetpackApiException">The API refused (e.g. already revoked, not found) or the answer was lost.</exception>
    Task<License> RevokeLicenseAsync(string token, string licenseKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST <c>/license/{key}/site?site=...</c>: attaches a licence to a site given as an absolute URL,
    /// a numeric blog id, or the <c>example.com::sub</c> form. Never re-sent once it may have reached the server.
    /// </summary>
    /// <param name="token">The partner token; not empty, no spaces.</param>
    /// <param name="licenseKey">The licence key; escaped into the path.</param>
    /// <param name="site">The site, sent as given in the query string.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The licence.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or holds spaces.</exception>
    /// <exception cref="JetpackApiException">The API refused (e.g. revoked licence, site not connected) or the answer was lost.</exception>
    Task<License> AttachLicenseAsync(string token, string licenseKey, string site, CancellationToken cancellationToken = default);

    /// <summary>
    /// DELETE <c>/license/{key}/site?cancellation_email=0|1</c>: detaches a licence from its site. Never
    /// re-sent once it may have reached the server.
    /// </summary>
    /// <param name="token">The partner token.</param>
    /// <param name="licenseKey">The licence key.</param>
    /// <param name="cancellationEmail">Whether Jetpack emails the site owner (the API's default: true).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The licence.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or holds spaces.</exception>
    /// <exception cref="JetpackApiException">The API refused (e.g. not attached) or the answer was lost.</exception>
    Task<License> DetachLicenseAsync(string token, string licenseKey, bool cancellationEmail = true, CancellationToken cancellationToken = default);

    /// <summary>GET <c>/licenses</c>: one page of the partner's licences (retried on transient failures).</summary>
    /// <param name="token">The partner token.</param>
    /// <param name="query">Filter, search, sort and page; only set fields are sent, plus page and per_page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its counts.</returns>
    /// <exception cref="ArgumentException">The token is empty, the query null, or its page or size below 1.</exception>
    /// <exception cref="JetpackApiException">The API refused or could not be reached.</exception>
    Task<LicensePage> ListLicensesAsync(string token, LicenseListQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every licence matching <paramref name="query"/>, page after page, starting at its page, until
    /// <c>total_pages</c> (or a short page). Each page is a retried read. Licences issued or revoked
    /// during the walk may shift pages; sort ascending by issue time for a stable walk.
    /// </summary>
    /// <param name="token">The partner token.</param>
    /// <param name="query">The first page's query.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The licences, lazily.</returns>
    /// <exception cref="ArgumentException">Thrown at the call, before enumeration, for a bad token or query.</exception>
    /// <exception cref="JetpackApiException">Thrown during enumeration when a page cannot be read.</exception>
    IAsyncEnumerable<License> ListAllLicensesAsync(string token, LicenseListQuery query, CancellationToken cancellationToken = default);

    /// <summary>GET <c>/product-families</c> (no token): the public catalogue (retried on transient failures).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The families with their products.</returns>
    /// <exception cref="JetpackApiException">The API failed or could not be reached.</exception>
    Task<IReadOnlyList<ProductFamily>> GetProductFamiliesAsync(CancellationToken cancellationToken = default);

    /// <summary>GET <c>/partner/product-families</c>: the catalogue with the partner's prices (retried on transient failures).</summary>
    /// <param name="token">The partner token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The families with priced products.</returns>
    /// <exception cref="ArgumentException">The token is empty or holds spaces.</exception>
    /// <exception cref="JetpackApiException">The API refused (403 bad token) or could not be reached.</exception>
    Task<IReadOnlyList<PartnerProductFamily>> GetPartnerProductFamiliesAsync(string token, CancellationToken cancellationToken = default);
}
