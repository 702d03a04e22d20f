using System.Data.Common;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Ledger.Nonces;

namespace JetpackWhmcs.Service.Bridge;

/// <summary>
/// The checks every signed call passes before it may do anything, shared by the module endpoint
/// (<c>/module/{Function}</c>) and the admin endpoint (<c>/admin/{action}</c>) so the two cannot drift
/// apart: the signing headers read once, the signature over the name the call was sent to, and the
/// nonce remembered in the ledger so a replay changes nothing.
/// </summary>
public static class SignedCallGate
{
    /// <summary>The headers of a request whose signature holds for <paramref name="signedName"/>; null with the 401 sentence otherwise.</summary>
    /// <param name="headers">The request's headers (each signing header read exactly once).</param>
    /// <param name="key">The bridge secret.</param>
    /// <param name="signedName">What the signature covers: the module function, or <c>admin/{action}</c>.</param>
    /// <param name="body">The raw body the signature covers.</param>
    /// <param name="now">The time the timestamp is checked against.</param>
    /// <param name="maxAge">How old a signed request may be.</param>
    /// <param name="refusal">Why the request is refused, as a sentence for the 401 body.</param>
    public static SignedHeaders? Verify(IHeaderDictionary headers, byte[] key, string signedName, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxAge, out string? refusal)
    {
        var signed = SignedHeaders.Read(headers, out refusal);
        if (signed is not null)
        {
            refusal = BridgeSignature.Verify(key, signedName, signed, body, now, maxAge);
        }

        return refusal is null ? signed : null;
    }

    /// <summary>
    /// Remembers the nonce of a verified call that changes state. A nonce seen before is a replay; a
    /// ledger that cannot be written means nothing may be done, since the replay could not be told apart.
    /// </summary>
    /// <param name="nonces">The ledger's nonce store.</param>
    /// <param name="nonce">The nonce the signature covered.</param>
    /// <param name="now">When the call arrived.</param>
    /// <param name="database">The ledger's connection string, only ever shown scrubbed.</param>
    /// <param name="logger">Where a ledger failure is logged, with <paramref name="traceId"/>.</param>
    /// <param name="call">The call, for the log line ("a CreateAccount call", "an admin page call").</param>
    /// <param name="traceId">The request's trace id.</param>
    public static async Task<NonceCheck> RememberNonceAsync(INonceStore nonces, string nonce, DateTimeOffset now, string database, ILogger logger, string call, string traceId)
    {
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            return await nonces.TryRememberAsync(nonce, now, CancellationToken.None).ConfigureAwait(false)
                ? NonceCheck.Fresh
                : NonceCheck.Refused(NonceVerdict.Replayed, "The request was already received once (replayed nonce): nothing was done.");
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException)
        {
            logger.LogError("The nonce of {Call} could not be written to the ledger (trace id {TraceId}): {Reason}", call, traceId, LedgerConnectionString.Scrub(e.Message, database));
            return NonceCheck.Refused(
                NonceVerdict.LedgerUnwritable,
                $"The licence ledger cannot be written ({LedgerConnectionString.Scrub(e.Message.Split('\n')[0].TrimEnd('.'), database)}): check that the jetpack-whmcs service can write {LedgerConnectionString.Describe(database)} (file permissions, free disk space, the database user's rights); nothing was done.");
        }
    }
}
