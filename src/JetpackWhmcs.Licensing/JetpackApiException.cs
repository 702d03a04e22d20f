using System.Net;

namespace JetpackWhmcs.Licensing;

/// <summary>A call to the Jetpack Licensing API failed.</summary>
public sealed class JetpackApiException : Exception
{
    /// <summary>Creates the exception.</summary>
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

    /// <summary>The HTTP status; null when no answer arrived (timeout, connection failure).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The API's error <c>code</c> (e.g. <c>invalid_product</c>), when the body carried one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The API's error <c>message</c>, when the body carried one.</summary>
    public string? ApiMessage { get; }

    /// <summary>The <c>X-Jetpack-Request-Id</c> of the failed answer, when one arrived.</summary>
    public string? RequestId { get; }

    /// <summary>The body, when it was not the JSON error shape (truncated to 2,000 characters).</summary>
    public string? RawBody { get; }

    /// <summary>
    /// True when the request may have been carried out by the server even though no usable answer
    /// arrived: a timeout or a connection reset after sending, or a 5xx. A write in this state must be
    /// resolved by reading the API's state, never by sending it again blindly.
    /// </summary>
    public bool MayHaveBeenCarriedOut { get; }
}
