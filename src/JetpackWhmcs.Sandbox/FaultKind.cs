namespace JetpackWhmcs.Sandbox;

/// <summary>
/// A fault the sandbox can inject, at a rate (<see cref="FaultSettings.SetFaultRate"/>, the
/// <c>--fault</c> flag) or on the next calls (<see cref="FaultSettings.FailNext"/>). The name each
/// kind has in a fault spec is given by <see cref="FaultSpec.KindName"/>.
/// </summary>
public enum FaultKind
{
    /// <summary><c>fail-before-work</c>: answer 5xx (<see cref="FaultSettings.FailureStatusCode"/>) without doing the work.</summary>
    Failure,

    /// <summary>Do the work, then lose the answer the way <see cref="FaultSettings.LostAnswerMode"/> says.</summary>
    LostAnswer,

    /// <summary><c>fail-after-work</c>: do the work, then answer 500 (whatever the lost-answer mode).</summary>
    LostAnswerHttp500,

    /// <summary>
    /// <c>reset</c>: do the work, then reset the connection (RST) without answering (whatever the
    /// lost-answer mode).
    /// </summary>
    LostAnswerDropConnection,

    /// <summary><c>rate-limited</c>: answer 429 with <c>Retry-After</c> without doing the work.</summary>
    RateLimited,

    /// <summary>
    /// <c>graceful-close</c>: do the work, then close the connection gracefully (FIN) before any byte of
    /// the answer, as a server or proxy closing an idle keep-alive connection does.
    /// </summary>
    GracefulClose,

    /// <summary><c>close-after-headers</c>: do the work, send the status line and headers, then close (FIN).</summary>
    CloseAfterHeaders,

    /// <summary>
    /// <c>truncated-body</c>: do the work, send the headers with the full <c>Content-Length</c> and
    /// half the body, then close (FIN).
    /// </summary>
    TruncatedBody,

    /// <summary>
    /// <c>late-answer</c>: do the work, then answer normally after <see cref="FaultSettings.LateAnswerDelay"/>,
    /// which is meant to exceed the client's attempt timeout.
    /// </summary>
    LateAnswer,
}
