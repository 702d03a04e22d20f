namespace JetpackWhmcs.Licensing.Attempts;

/// <summary>
/// One attempt of an API call as the client saw it: every attempt a call makes, retries included, so
/// an audit can count exactly the requests that left this process.
/// </summary>
/// <param name="Operation">The endpoint, e.g. <c>IssueLicense</c>.</param>
/// <param name="Number">1 for the first attempt of the call, 2 for its first retry, and so on.</param>
/// <param name="Sent">
/// False when the request certainly never reached the server (connection refused, host not found,
/// TLS set-up failed); true otherwise, including every attempt whose answer was lost.
/// </param>
/// <param name="StatusCode">The HTTP status of the answer, or null when none arrived.</param>
/// <param name="RequestId">The <c>X-Jetpack-Request-Id</c> of the answer, when one arrived.</param>
/// <param name="Outcome">
/// What happened, in the audit's words: <c>ok</c>, <c>refused</c>, <c>rate_limited</c>,
/// <c>server_error</c>, <c>answer_lost</c>, <c>timed_out</c>, <c>malformed</c>, <c>not_sent</c>.
/// </param>
/// <param name="Elapsed">How long the attempt took.</param>
public sealed record ApiAttempt(
    string Operation,
    int Number,
    bool Sent,
    int? StatusCode,
    string? RequestId,
    string Outcome,
    TimeSpan Elapsed);
