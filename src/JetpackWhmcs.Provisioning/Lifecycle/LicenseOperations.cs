using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Errors;

namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>
/// Revoke, attach, detach and refresh, each converging on the API's real state: when a call fails or
/// its answer is lost, the licence is read back and the ledger records what the API says, so a retry
/// after a lost answer succeeds instead of failing on "already revoked" or "already attached".
/// </summary>
internal sealed class LicenseOperations(AuditedApi api, ILicenseLedger ledger, TimeProvider time)
{
    /// <summary>Revokes on the API only (the caller records it); returns the API's revoke time.</summary>
    public async Task<OperationResult> RevokeOnApiAsync(string token, LicenseRecord row, CancellationToken ct)
    {
        var context = new AuditContext(row.ActiveOwner, row.Id, row.LicenseKey);
        try
        {
            var revoked = await api.RevokeAsync(token, row.LicenseKey, context, ct).ConfigureAwait(false);
            return OperationResult.Done(ApiDates.ParseOr(revoked.RevokedAt, Now()));
        }
        catch (JetpackApiException exception)
        {
            var actual = await TryReadAsync(token, row, context, ct).ConfigureAwait(false);
            if (actual is { IsRevoked: true })
            {
                return OperationResult.Done(ApiDates.ParseOr(actual.RevokedAt, Now()));
            }

            return Failure("revoke the licence", exception);
        }
    }

    /// <summary>Revokes and records <c>revoked_at</c>.</summary>
    public async Task<OperationResult> RevokeAsync(string token, LicenseRecord row, CancellationToken ct)
    {
        var result = await RevokeOnApiAsync(token, row, ct).ConfigureAwait(false);
        if (result.Ok)
        {
            await ledger.MarkRevokedAsync(row.Id, result.At ?? Now(), Now(), CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Attaches to <paramref name="site"/> and records it.</summary>
    public async Task<OperationResult> AttachAsync(string token, LicenseRecord row, string site, CancellationToken ct)
    {
        var context = new AuditContext(row.ActiveOwner, row.Id, row.LicenseKey);
        License? attached;
        try
        {
            attached = await api.AttachAsync(token, row.LicenseKey, site, context, ct).ConfigureAwait(false);
        }
        catch (JetpackApiException exception)
        {
            attached = await TryReadAsync(token, row, context, ct).ConfigureAwait(false);
            if (attached is not { IsAttached: true, IsRevoked: false } || !SameSite(attached.SiteUrl, site))
            {
                return Failure($"attach the licence to {site}", exception);
            }
        }

        var at = ApiDates.ParseOr(attached.AttachedAt, Now());
        await ledger.SetAttachmentAsync(row.Id, site, at, Now(), CancellationToken.None).ConfigureAwait(false);
        return OperationResult.Done(at);
    }

    /// <summary>Detaches from its site and records it.</summary>
    public async Task<OperationResult> DetachAsync(string token, LicenseRecord row, bool emailSiteOwner, CancellationToken ct)
    {
        var context = new AuditContext(row.ActiveOwner, row.Id, row.LicenseKey);
        try
        {
            await api.DetachAsync(token, row.LicenseKey, emailSiteOwner, context, ct).ConfigureAwait(false);
        }
        catch (JetpackApiException exception)
        {
            var actual = await TryReadAsync(token, row, context, ct).ConfigureAwait(false);
            if (actual is null || actual.IsAttached)
            {
                return Failure("detach the licence from its site", exception);
            }
        }

        await ledger.SetAttachmentAsync(row.Id, null, null, Now(), CancellationToken.None).ConfigureAwait(false);
        return OperationResult.Done();
    }

    /// <summary>Reads the licence and records what changed (revoked outside WHMCS, attachment).</summary>
    public async Task<(License? License, OperationResult Result)> RefreshAsync(string token, LicenseRecord row, CancellationToken ct)
    {
        var context = new AuditContext(row.ActiveOwner, row.Id, row.LicenseKey);
        License license;
        try
        {
            license = await ReadAsync(token, row, context, ct).ConfigureAwait(false);
        }
        catch (JetpackApiException exception)
        {
            return (null, Failure("read the licence's status", exception));
        }

        var now = Now();
        if (license.IsRevoked)
        {
            await ledger.MarkRevokedAsync(row.Id, ApiDates.ParseOr(license.RevokedAt, now), now, CancellationToken.None).ConfigureAwait(false);
        }
        else if (license.IsAttached != (row.AttachedSite is not null))
        {
            var site = license.IsAttached ? license.SiteUrl ?? row.AttachedSite ?? license.BlogId?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            var at = license.IsAttached ? ApiDates.ParseOr(license.AttachedAt, now) : (DateTime?)null;
            await ledger.SetAttachmentAsync(row.Id, site, at, now, CancellationToken.None).ConfigureAwait(false);
        }

        if (row.LastError is not null)
        {
            await ledger.SetLastErrorAsync(row.Id, null, now, CancellationToken.None).ConfigureAwait(false);
        }

        return (license, OperationResult.Done());
    }

    private async Task<License?> TryReadAsync(string token, LicenseRecord row, AuditContext context, CancellationToken ct)
    {
        try
        {
            return await ReadAsync(token, row, context, ct).ConfigureAwait(false);
        }
        catch (JetpackApiException)
        {
            return null;
        }
    }

    /// <summary>
    /// The licence with its attachment. The single-licence endpoint carries only the key and the issue
    /// and revoke times, so the list endpoint (searched by key) is read for the site; GET is the fallback.
    /// </summary>
    private async Task<License> ReadAsync(string token, LicenseRecord row, AuditContext context, CancellationToken ct)
    {
        var page = await api.ListAsync(token, LicenseWithSite.Query(row.LicenseKey), context, ct).ConfigureAwait(false);
        return LicenseWithSite.Find(page, row.LicenseKey) ?? await api.GetAsync(token, row.LicenseKey, context, ct).ConfigureAwait(false);
    }

    private static OperationResult Failure(string action, JetpackApiException exception) =>
        OperationResult.Failed(
            exception.MayHaveBeenCarriedOut ? Sentences.Unconfirmed(action, exception) : Sentences.ApiFailure(action, exception),
            exception.RequestId,
            exception.ErrorCode);

    /// <summary>Whether the API's site URL is the site we asked for; an answer without a site URL does not contradict it.</summary>
    private static bool SameSite(string? apiSite, string requested) =>
        string.IsNullOrEmpty(apiSite) || SiteAddress.SameSite(apiSite, requested);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
