using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Attempts;
using JetpackWhmcs.Licensing.Models;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.Audit;

/// <summary>
/// The licensing client as the engine uses it: every attempt that leaves the process, retries
/// included, becomes one audit row (operation, owner, key, attempt, outcome, status, code, message,
/// request id, duration), so the audit counts exactly what the API received. A state-changing call
/// writes its row before it is sent (outcome <c>sent</c>): if the process dies during the call, the
/// row still says a request may have left. Never the token.
/// </summary>
internal sealed partial class AuditedApi(IJetpackLicensingClient client, ILicenseLedger ledger, TimeProvider time, ILogger logger)
{
    public IJetpackLicensingClient Client => client;

    public Task<License> IssueAsync(string token, string productSlug, AuditContext context, CancellationToken ct) =>
        RunAsync("issue", true, context, c => client.IssueLicenseAsync(token, productSlug, c), ct);

    public Task<License> RevokeAsync(string token, string key, AuditContext context, CancellationToken ct) =>
        RunAsync("revoke", true, context with { LicenseKey = key }, c => client.RevokeLicenseAsync(token, key, c), ct);

    public Task<License> AttachAsync(string token, string key, string site, AuditContext context, CancellationToken ct) =>
        RunAsync("attach", true, context with { LicenseKey = key }, c => client.AttachLicenseAsync(token, key, site, c), ct);

    public Task<License> DetachAsync(string token, string key, bool email, AuditContext context, CancellationToken ct) =>
        RunAsync("detach", true, context with { LicenseKey = key }, c => client.DetachLicenseAsync(token, key, email, c), ct);

    public Task<License> GetAsync(string token, string key, AuditContext context, CancellationToken ct) =>
        RunAsync("get", false, context with { LicenseKey = key }, c => client.GetLicenseAsync(token, key, c), ct);

    public Task<LicensePage> ListAsync(string token, LicenseListQuery query, AuditContext context, CancellationToken ct) =>
        RunAsync("list", false, context, c => client.ListLicensesAsync(token, query, c), ct);

    private async Task<T> RunAsync<T>(string operation, bool changesState, AuditContext context, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var template = new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Operation = operation,
            Owner = context.Owner,
            LicenseRowId = context.RowId,
            LicenseKey = context.LicenseKey,
            Actor = AuditActor.Current,
        };

        // A state-changing attempt is written before it may leave (a retry too, after a 429); if that
        // write fails, the attempt fails unsent.
        var aheadIds = new List<long>();
        using var capture = ApiAttemptCapture.Start();
        if (changesState)
        {
            capture.BeforeAttempt = async (_, number, _) => aheadIds.Add(await ledger.RecordAuditAsync(
                template with { Attempt = number, Outcome = AuditOutcomes.Sent }, CancellationToken.None).ConfigureAwait(false));
        }

        try
        {
            var result = await call(ct).ConfigureAwait(false);
            var key = context.LicenseKey ?? (result as License)?.LicenseKey;
            await FinishAsync(aheadIds, AuditRows.From(template with { LicenseKey = key }, capture.Attempts, null, changesState)).ConfigureAwait(false);
            return result;
        }
        catch (JetpackApiException exception)
        {
            await FinishAsync(aheadIds, AuditRows.From(template, capture.Attempts, exception, changesState)).ConfigureAwait(false);
            throw;
        }
        catch (ArgumentException exception)
        {
            // The client refused the arguments before building a request: certainly nothing was sent.
            await FinishAsync(aheadIds, AuditRows.From(template, [], null, changesState, exception.GetType().Name)).ConfigureAwait(false);
            throw new JetpackApiException(exception.Message, mayHaveBeenCarriedOut: false, innerException: exception);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Cancelled (the caller or the claim's lease) or a transport failure: a sent attempt may have been carried out.
            await FinishAsync(aheadIds, AuditRows.From(template, capture.Attempts, null, changesState, exception.GetType().Name)).ConfigureAwait(false);
            if (exception is OperationCanceledException && ct.IsCancellationRequested)
            {
                throw;
            }

            throw new JetpackApiException("The Jetpack API call did not complete.", mayHaveBeenCarriedOut: true, innerException: exception);
        }
    }

    private async Task FinishAsync(IReadOnlyList<long> aheadIds, IReadOnlyList<AuditEntry> rows)
    {
        try
        {
            // Not cancellable: the audit of a call that happened must be written even when the caller gave up.
            await ledger.FinishAuditAsync(aheadIds, rows, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogAuditFailed(logger, rows.Count > 0 ? rows[0].Operation : "?", rows.Count > 0 ? rows[0].Owner : null, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the audit entries for {Operation} ({Owner})")]
    private static partial void LogAuditFailed(ILogger logger, string operation, string? owner, Exception exception);
}
