using System.Diagnostics;
using System.Runtime.CompilerServices;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Service.Metrics;

/// <summary>Times every API call for <c>/metrics</c>; otherwise passes through unchanged.</summary>
public sealed class MeasuredLicensingClient(IJetpackLicensingClient inner, ServiceMetrics metrics) : IJetpackLicensingClient
{
    /// <inheritdoc />
    public Task<License> GetLicenseAsync(string token, string licenseKey, CancellationToken cancellationToken = default) =>
        MeasureAsync("get", () => inner.GetLicenseAsync(token, licenseKey, cancellationToken));

    /// <inheritdoc />
    public Task<License> IssueLicenseAsync(string token, string productSlug, CancellationToken cancellationToken = default) =>
        MeasureAsync("issue", () => inner.IssueLicenseAsync(token, productSlug, cancellationToken));

    /// <inheritdoc />
    public Task<License> RevokeLicenseAsync(string token, string licenseKey, CancellationToken cancellationToken = default) =>
        MeasureAsync("revoke", () => inner.RevokeLicenseAsync(token, licenseKey, cancellationToken));

    /// <inheritdoc />
    public Task<License> AttachLicenseAsync(string token, string licenseKey, string site, CancellationToken cancellationToken = default) =>
        MeasureAsync("attach", () => inner.AttachLicenseAsync(token, licenseKey, site, cancellationToken));

    /// <inheritdoc />
    public Task<License> DetachLicenseAsync(string token, string licenseKey, bool cancellationEmail = true, CancellationToken cancellationToken = default) =>
        MeasureAsync("detach", () => inner.DetachLicenseAsync(token, licenseKey, cancellationEmail, cancellationToken));

    /// <inheritdoc />
    public Task<LicensePage> ListLicensesAsync(string token, LicenseListQuery query, CancellationToken cancellationToken = default) =>
        MeasureAsync("list", () => inner.ListLicensesAsync(token, query, cancellationToken));

    /// <inheritdoc />
    public async IAsyncEnumerable<License> ListAllLicensesAsync(string token, LicenseListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Each page fetch is timed as one "list" call.
        await using var pages = inner.ListAllLicensesAsync(token, query, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            bool more;
            try
            {
                more = await pages.MoveNextAsync();
            }
            catch (Exception e)
            {
                metrics.RecordApiCall("list", Outcome(e), Stopwatch.GetElapsedTime(started));
                throw;
            }

            if (!more)
            {
                yield break;
            }

            yield return pages.Current;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ProductFamily>> GetProductFamiliesAsync(CancellationToken cancellationToken = default) =>
        MeasureAsync("product_families", () => inner.GetProductFamiliesAsync(cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<PartnerProductFamily>> GetPartnerProductFamiliesAsync(string token, CancellationToken cancellationToken = default) =>
        MeasureAsync("partner_product_families", () => inner.GetPartnerProductFamiliesAsync(token, cancellationToken));

    private static string Outcome(Exception e) =>
        e is JetpackApiException { MayHaveBeenCarriedOut: true } ? "unknown" : "error";

    private async Task<T> MeasureAsync<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            metrics.RecordApiCall(operation, "ok", Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception e)
        {
            metrics.RecordApiCall(operation, Outcome(e), Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
