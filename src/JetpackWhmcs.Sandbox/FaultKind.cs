namespace JetpackWhmcs.Sandbox;

/// <summary>A fault that <see cref="FaultSettings.FailNext"/> forces on the next calls of an endpoint.</summary>
public enum FaultKind
{
    /// <summary>Answer 5xx (<see cref="FaultSettings.FailureStatusCode"/>) without doing the work.</summary>
    Failure,

    /// <summary>Do the work, then lose the answer the way <see cref="FaultSettings.LostAnswerMode"/> says.</summary>
    LostAnswer,

    /// <summary>Do the work, then answer 500 (whatever the lost-answer mode).</summary>
    LostAnswerHttp500,

    /// <summary>Do the work, then drop the connection without answering (whatever the lost-answer mode).</summary>
    LostAnswerDropConnection,

    /// <summary>Answer 429 with <c>Retry-After</c> without doing the work.</summary>
    RateLimited,
}
