namespace JetpackWhmcs.Sandbox;

/// <summary>One fault rate: the share of an endpoint's calls that suffer a kind of fault.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Kind">The fault.</param>
/// <param name="Rate">The share of calls, from 0 to 1.</param>
public sealed record FaultRate(SandboxEndpoint Endpoint, FaultKind Kind, double Rate)
{
    /// <summary>The spec this rate is written as, e.g. <c>issue:graceful-close=0.1</c>.</summary>
    public override string ToString() => FaultSpec.Format(this);
}
