using System.Diagnostics;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.Audit;

/// <summary>
/// The licensing client as the engine uses it: every call is timed and recorded in the audit table
/// (operation, owner, key, outcome, status, code, message, request id, duration). Never the token.
/// </summary>
internal sealed partial class AuditedApi(IJetpackLicensingClient client, ILicenseLedger ledger, TimeProvider time, ILogger logger)
{
    public IJetpackLicensingClient Client => client;

    public Task<License> IssueAsync(string token, string productSlug, AuditContext context, CancellationToken ct) =>
        RunAsync("issue", context, () => client.IssueLicenseAsync(token, productSlug, ct), ct);

    public Task<License> RevokeAsync(string token, string key, AuditContext context, CancellationToken ct) =>
        RunAsync("revoke", context with { LicenseKey = key }, () => client.RevokeLicenseAsync(token, key, ct), ct);

    public Task<License> AttachAsync(string token, string key, string site, AuditContext context, CancellationToken ct) =>
        RunAsync("attach", context with { LicenseKey = key }, () => client.AttachLicenseAsync(token, key, site, ct), ct);

    public Task<License> DetachAsync(string token, string key, bool email, AuditContext context, CancellationToken ct) =>
        RunAsync("detach", context with { LicenseKey = key }, () => client.DetachLicenseAsync(token, key, email, ct), ct);

    public Task<License> GetAsync(string token, string key, AuditContext context, CancellationToken ct) =>
        RunAsync("get", context with { LicenseKey = key }, () => client.GetLicenseAsync(token, key, ct), ct);

    public Task<LicensePage> ListAsync(string token, LicenseListQuery query, AuditContext context, CancellationToken ct) =>
        RunAsync("list", context, () => client.ListLicensesAsync(token, query, ct), ct);

    private async Task<T> RunAsync<T>(string operation, AuditContext context, Func<Task<T>> call, CancellationToken ct)
    {
        var at = time.GetUtcNow().UtcDateTime;
        var started = time.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            var key = context.LicenseKey ?? (result as License)?.LicenseKey;
            await WriteAsync(new AuditEntry
            {
                At = at,
                Operation = operation,
                Owner = context.Owner,
                LicenseRowId = context.RowId,
                LicenseKey = key,
                Outcome = "ok",
                HttpStatus = 200,
                DurationMs = Elapsed(started),
            }).ConfigureAwait(false);
            return result;
        }
        catch (JetpackApiException exception)
        {
            await WriteAsync(new AuditEntry
            {
                At = at,
                Operation = operation,
                Owner = context.Owner,
                LicenseRowId = context.RowId,
                LicenseKey = context.LicenseKey,
                Outcome = exception.MayHaveBeenCarriedOut ? "unknown" : "failed",
                HttpStatus = (int?)exception.StatusCode,
                ErrorCode = exception.ErrorCode,
                Message = Shorten(exception.ApiMessage ?? exception.Message),
                RequestId = exception.RequestId,
                DurationMs = Elapsed(started),
            }).ConfigureAwait(false);
            throw;
        }
        catch (Exception exception) when (exception is not ArgumentException && (exception is not OperationCanceledException || !ct.IsCancellationRequested))
        {
            // Anything else (a timeout surfacing as cancellation, a transport error) leaves the outcome unknown.
            await WriteAsync(new AuditEntry
            {
                At = at,
                Operation = operation,
                Owner = context.Owner,
                LicenseRowId = context.RowId,
                LicenseKey = context.LicenseKey,
                Outcome = "unknown",
                Message = Shorten(exception.GetType().Name),
                DurationMs = Elapsed(started),
            }).ConfigureAwait(false);
            throw new JetpackApiException(
                "The Jetpack API call did not complete.",
                mayHaveBeenCarriedOut: true,
                innerException: exception);
        }
    }

    private int Elapsed(long started) => (int)Math.Min(int.MaxValue, time.GetElapsedTime(started).TotalMilliseconds);

    private static string? Shorten(string? text) => text is null ? null : text.Length > 500 ? text[..500] : text;

    private async Task WriteAsync(AuditEntry entry)
    {
        try
        {
            // Not cancellable: the audit of a call that happened must be written even when the caller gave up.
            await ledger.RecordAuditAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogAuditFailed(logger, entry.Operation, entry.Owner, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the audit entry for {Operation} ({Owner})")]
    private static partial void LogAuditFailed(ILogger logger, string operation, string? owner, Exception exception);
}
