using JetpackWhmcs.Licensing.Http;

namespace JetpackWhmcs.Licensing.Resilience;

/// <summary>
/// The one place that says which failed calls are sent again.
/// </summary>
/// <remarks>
/// <para>
/// Reads (get licence, list licences, product families) change nothing on the server, so they are
/// retried on every transient failure: the request never left (connection refused, host not found),
/// a 429, a 5xx, a broken connection, a per-attempt timeout.
/// </para>
/// <para>
/// Writes (issue, revoke, attach, detach) are not idempotent on the server and have no idempotency
/// key: issuing twice bills two licences. They are retried only when the server certainly did no
/// work: the request never left this machine, or the server answered 429. Once a write may have
/// reached the server (5xx, broken connection, timeout) it is never sent again; the failure says
/// <see cref="JetpackApiException.MayHaveBeenCarriedOut"/> and the caller resolves it by reading the
/// API's state.
/// </para>
/// <para>
/// A 429's <c>Retry-After</c> is honoured; when it asks for more than
/// <see cref="JetpackLicensingOptions.MaxRetryAfter"/> the call fails at once instead of waiting.
/// Otherwise retries wait <see cref="JetpackLicensingOptions.RetryBaseDelay"/>, growing exponentially
/// with jitter, at most <see cref="JetpackLicensingOptions.MaxRetries"/> times, all within
/// <see cref="JetpackLicensingOptions.OverallTimeout"/>.
/// </para>
/// </remarks>
internal static class RetryRule
{
    /// <summary>True for the endpoints that change nothing on the server.</summary>
    public static bool IsRead(ApiOperation operation) => operation is
        ApiOperation.GetLicense or ApiOperation.ListLicenses or
        ApiOperation.GetProductFamilies or ApiOperation.GetPartnerProductFamilies;

    /// <summary>Whether an attempt that failed this way may be sent again.</summary>
    public static bool MayRetry(ApiOperation operation, FailureKind failure) => failure switch
    {
        FailureKind.NotSent or FailureKind.RateLimited => true,
        FailureKind.ServerError or FailureKind.AnswerLost or FailureKind.TimedOut => IsRead(operation),
        _ => false,
    };

    /// <summary>
    /// Whether the server may have done the work although the caller got no usable answer. For a
    /// write with a 2xx answer that could not be parsed the work was done.
    /// </summary>
    public static bool MayHaveBeenCarriedOut(ApiOperation operation, FailureKind failure) => failure switch
    {
        FailureKind.ServerError or FailureKind.AnswerLost or FailureKind.TimedOut => true,
        FailureKind.MalformedAnswer => !IsRead(operation),
        _ => false,
    };
}
