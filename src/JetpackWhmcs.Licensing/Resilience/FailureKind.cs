namespace JetpackWhmcs.Licensing.Resilience;

/// <summary>What went wrong with one attempt; <see cref="RetryRule"/> decides from it.</summary>
internal enum FailureKind
{
    /// <summary>The request never left this machine: connection refused, host not found.</summary>
    NotSent,

    /// <summary>429: the server refused before doing any work.</summary>
    RateLimited,

    /// <summary>A 4xx other than 429: the server understood and refused; repeating changes nothing.</summary>
    Refused,

    /// <summary>A 5xx: the server failed, possibly after doing the work.</summary>
    ServerError,

    /// <summary>The connection broke after the request was sent: the server may have done the work.</summary>
    AnswerLost,

    /// <summary>No answer within the per-attempt timeout: the server may have done the work.</summary>
    TimedOut,

    /// <summary>A 2xx whose body could not be read as the expected JSON.</summary>
    MalformedAnswer,

    /// <summary>A secure connection could not be set up (certificate, protocol): nothing was sent.</summary>
    SecureConnectionFailed,
}
