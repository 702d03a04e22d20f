namespace JetpackWhmcs.Sandbox.Faults;

/// <summary>
/// What the fault knobs decided for one call, taken in one snapshot when the call arrives so that a
/// knob changed mid-call cannot give it half old, half new behaviour.
/// </summary>
internal readonly record struct FaultPlan(
    TimeSpan Latency,
    FaultKind? Forced,
    FaultKind? Drawn,
    bool Fail,
    int FailureStatusCode,
    bool LoseAnswer,
    LostAnswerMode LostAnswerMode,
    TimeSpan LateAnswerDelay)
{
    /// <summary>The fault chosen for the call by kind: forced first, then drawn from the rates; null leaves the older knobs to decide.</summary>
    public FaultKind? Kind => Forced ?? Drawn;
}
