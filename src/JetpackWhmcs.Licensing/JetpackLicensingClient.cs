using System.Globalization;
using System.Runtime.CompilerServices;
using JetpackWhmcs.Licensing.Http;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Licensing.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace JetpackWhmcs.Licensing;

/// <summary>
/// The typed client of the Jetpack Licensing API. Immutable and thread-safe: one instance serves every
/// partner token, each request carrying its own <c>Authorization: Bearer</c> header, so all tokens share
/// the <see cref="HttpClient"/>'s connection pool. Create it with
/// <see cref="JetpackLicensingClientFactory"/> or register it with
/// <c>services.AddJetpackLicensingClient()</c>.
/// </summary>
/// <remarks>
/// Parameters travel in the query string, as the original WHMCS module sent them; issue and attach
/// also carry them as the JSON body the OpenAPI document lists, and revoke and detach carry empty
/// content, so that no write is ever re-sent by the HTTP stack (see <c>ApiCaller</c>). Every
/// failure is a <see cref="JetpackApiException"/>; a caller's cancellation is an
/// <see cref="OperationCanceledException"/>; argument mistakes throw the <see cref="ArgumentException"/>
/// family before anything is sent. Which calls are retried is written in one place, <c>RetryRule</c>:
/// reads are retried on transient failures; issue, revoke, attach and detach are retried only when the
/// server certainly did nothing (a 429, a refused connection).
/// </remarks>
public sealed class JetpackLicensingClient : IJetpackLicensingClient
{
    private readonly ApiCaller _caller;

    /// <summary>Creates a client over <paramref name="httpClient"/>, which it does not own or dispose.</summary>
    /// <param name="httpClient">
    /// The HTTP client; share one across the application. Its <see cref="HttpClient.BaseAddress"/> and
    /// default headers are not used; set its <see cref="HttpClient.Timeout"/> to infinite, since the
    /// options' timeouts govern (a shorter HttpClient timeout counts as a lost answer).
    /// </param>
    /// <param name="options">The settings; null uses the defaults (production URL).</param>
    /// <param name="timeProvider">The clock for timeouts and delays; null uses <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Where attempts and retries are logged (never the token); null logs nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is out of range.</exception>
    public JetpackLicensingClient(
        HttpClient httpClient,
        JetpackLicensingOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<JetpackLicensingClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        options ??= new JetpackLicensingOptions();
        options.Validate();
        timeProvider ??= TimeProvider.System;
        ILogger log = logger ?? (ILogger)NullLogger.Instance;
        BaseUrl = options.NormalisedBaseUrl();
        _caller = new ApiCaller(httpClient, BaseUrl, LicensingPipeline.Build(options, timeProvider, log), timeProvider, log);
    }

    /// <summary>The base URL every path is resolved against, with its final slash.</summary>
    public Uri BaseUrl { get; }

    /// <inheritdoc />
    public async Task<License> GetLicenseAsync(string token, string licenseKey, CancellationToken cancellationToken = default)
    {
        CheckToken(token);
        CheckKey(licenseKey);
        var request = new ApiRequest(ApiOperation.GetLicense, HttpMethod.Get,
            $"license?license_key={Escape(licenseKey)}", token, $"read licence {licenseKey}");
        return ApiJson.ReadLicense(request, await _caller.SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<License> IssueLicenseAsync(string token, string productSlug, CancellationToken cancellationToken = default)
    {
        CheckToken(token);
        CheckWord(productSlug, nameof(productSlug), "product slug");
        var request = new ApiRequest(ApiOperation.IssueLicense, HttpMethod.Post,
            $"license?product={Escape(productSlug)}", token, $"issue a {productSlug} licence",
            Content: JsonBody("product", productSlug));
        return ApiJson.ReadLicense(request, await _caller.SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<License> RevokeLicenseAsync(string token, string licenseKey, CancellationToken cancellationToken = default)
    {
        CheckToken(token);
        CheckKey(licenseKey);
        var request = new ApiRequest(ApiOperation.RevokeLicense, HttpMethod.Delete,
            $"license?license_key={Escape(licenseKey)}", token, $"revoke licence {licenseKey}", Content: string.Empty);
        return ApiJson.ReadLicense(request, await _caller.SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<License> AttachLicenseAsync(string token, string licenseKey, string site, CancellationToken cancellationToken = default)
    {
        CheckToken(token);
        CheckKey(licenseKey);
        CheckWord(site, nameof(site), "site");
        var request = new ApiRequest(ApiOperation.AttachLicense, HttpMethod.Post,
            $"license/{Escape(licenseKey)}/site?site={Escape(site)}", token, $"attach licence {licenseKey} to {site}",
            Content: JsonBody("site", site));
        return ApiJson.ReadLicense(request, await _caller.SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<License> DetachLicenseAsync(string token, string licenseKey, bool cancellationEmail = true, CancellationToken cancellationToken = default)
    {
        CheckToken(token);
        CheckKey(licenseKey);
        var request = new ApiRequest(ApiOperation.DetachLicense, HttpMethod.Delete,
            $"license/{Escape(licenseKey)}/site?cancellation_email={(cancellationEmail ? 1 : 0)}", token,
            $"detach licence {licenseKey} from its site", Content: string.Empty);
        return ApiJson.ReadLicense(request, await _caller.SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<LicensePage> ListLicensesAsync(string token, LicenseListQuery query, CancellationToken cancellationToken = default)
    {
        CheckToken(token);
        CheckQuery(query);
        return await ListPageAsync(token, query, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<License> ListAllLicensesAsync(string token, LicenseListQuery query, CancellationToken cancellationToken = default)
    {
        // Checked here, not inside the iterator, so a mistake throws at the call and not at the first MoveNext.
        CheckToken(token);
        CheckQuery(query);
        return ListAllCore(token, query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProductFamily>> GetProductFamiliesAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(ApiOperation.GetProductFamilies, HttpMethod.Get,
            "product-families", null, "list the product catalogue");
        return ApiJson.ReadList<ProductFamily>(request, await _caller.SendAsync(request, cancellationToken).ConfigureAwait(false), "a list of product families");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PartnerProductFamily>> GetPartnerProductFamiliesAsync(string token, CancellationToken cancellationToken = default)
    {
        CheckToken(token);
        var request = new ApiRequest(ApiOperation.GetPartnerProductFamilies, HttpMethod.Get,
            "partner/product-families", token, "list the partner's product prices");
        return ApiJson.ReadList<PartnerProductFamily>(request, await _caller.SendAsync(request, cancellationToken).ConfigureAwait(false), "a list of product families with prices");
    }

    private async IAsyncEnumerable<License> ListAllCore(string token, LicenseListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var current = query;
        while (true)
        {
            var page = await ListPageAsync(token, current, cancellationToken).ConfigureAwait(false);
            foreach (var license in page.Items)
            {
                yield return license;
            }

            // total_pages is authoritative when sent; without it a short or empty page is the last one.
            var last = page.TotalPages > 0
                ? current.Page >= page.TotalPages
                : page.Items.Count < current.PerPage;
            if (last || page.Items.Count == 0)
            {
                yield break;
            }

            current = current with { Page = current.Page + 1 };
        }
    }

    private async Task<LicensePage> ListPageAsync(string token, LicenseListQuery query, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(ApiOperation.ListLicenses, HttpMethod.Get, ListQueryString.For(query), token,
            $"list the partner's licences (page {query.Page.ToString(CultureInfo.InvariantCulture)})");
        return ApiJson.ReadLicensePage(request, await _caller.SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>
    /// A one-field JSON object, the body the OpenAPI document lists for issue and attach. The same
    /// value also stays in the query string, where the original module and the production API read
    /// it, so either reading of the request gives the same answer.
    /// </summary>
    private static string JsonBody(string name, string value) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal) { [name] = value });

    private static void CheckToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        // The value is never echoed: it is a secret. A token that cannot be a header value is refused
        // here, before any request exists, so the caller knows for sure that nothing was sent.
        if (PartnerTokenFormat.Problem(token) is { } problem)
        {
            throw new ArgumentException(problem, nameof(token));
        }
    }

    private static void CheckKey(string licenseKey) => CheckWord(licenseKey, nameof(licenseKey), "licence key");

    private static void CheckWord(string value, string paramName, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"The {what} '{value.Trim()}' contains spaces or control characters.", paramName);
        }
    }

    private static void CheckQuery(LicenseListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Page, "The page number starts at 1.");
        }

        if (query.PerPage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PerPage, "Items per page must be at least 1.");
        }

        if (query.Filter is { } filter && !Enum.IsDefined(filter))
        {
            throw new ArgumentOutOfRangeException(nameof(query), filter, "Unknown licence filter.");
        }

        if (query.SortField is { } field && !Enum.IsDefined(field))
        {
            throw new ArgumentOutOfRangeException(nameof(query), field, "Unknown sort field.");
        }

        if (query.SortDirection is { } direction && !Enum.IsDefined(direction))
        {
            throw new ArgumentOutOfRangeException(nameof(query), direction, "Unknown sort direction.");
        }
    }
}
