using System.Net;
using JetpackWhmcs.Licensing.Resilience;

namespace JetpackWhmcs.Licensing;

/// <summary>
/// A call to the Jetpack Licensing API failed. The <see cref="Exception.Message"/> is one sentence a
/// WHMCS administrator can act on and includes the <see cref="RequestId"/> when there is one; it never
/// contains the partner token.
/// </summary>
public sealed class JetpackApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One sentence saying what failed and what to do.</param>
    /// <param name="statusCode">The HTTP status, or null when no answer arrived.</param>
    /// <param name="errorCode">The API's error <c>code</c>.</param>
    /// <param name="apiMessage">The API's error <c>message</c>.</param>
    /// <param name="requestId">The <c>X-Jetpack-Request-Id</c> of the answer.</param>
    /// <param name="rawBody">The body when it was not the JSON error shape (truncated).</param>
    /// <param name="mayHaveBeenCarriedOut">Whether the server may have done the work.</param>
    /// <param name="innerException">The transport or parsing failure behind this one.</param>
    public JetpackApiException(
        string message,
        HttpStatusCode? statusCode = null,
        string? errorCode = null,
        string? apiMessage = null,
        string? requestId = null,
        string? rawBody = null,
        bool mayHaveBeenCarriedOut = false,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ApiMessage = apiMessage;
        RequestId = requestId;
        RawBody = rawBody;
        MayHaveBeenCarriedOut = mayHaveBeenCarriedOut;
    }

    /// <summary>The longest <see cref="RawBody"/> kept, in characters.</summary>
    public const int MaxRawBodyLength = 2000;

    /// <summary>The HTTP status; null when no answer arrived (timeout, connection failure).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The API's error <c>code</c> (e.g. <c>invalid_product</c>), when the body carried one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The API's error <c>message</c>, when the body carried one.</summary>
    public string? ApiMessage { get; }

    /// <summary>The <c>X-Jetpack-Request-Id</c> of the failed answer, when one arrived.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// The body, when it was not the JSON error shape or a success body could not be parsed
    /// (truncated to <see cref="MaxRawBodyLength"/> characters); null otherwise.
    /// </summary>
    public string? RawBody { get; }

    /// <summary>
    /// True when the request may have been carried out by the server even though no usable answer
    /// arrived: a timeout or a connection reset after sending, a 5xx, or (for a write) a success answer
    /// whose body could not be parsed. A write in this state must be resolved by reading the API's
    /// state, never by sending it again blindly. False when the server certainly did nothing: a 4xx,
    /// a 429, a refused connection or an unknown host.
    /// </summary>
    public bool MayHaveBeenCarriedOut { get; }

    /// <summary>The wait a 429 answer asked for in <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; internal init; }

    /// <summary>How the attempt failed, for <see cref="RetryRule"/>; null when built outside the client.</summary>
    internal FailureKind? Failure { get; init; }
}
