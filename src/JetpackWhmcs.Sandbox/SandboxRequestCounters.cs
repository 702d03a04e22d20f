namespace JetpackWhmcs.Sandbox;

/// <summary>
/// Counts every request the sandbox receives, when it arrives (before latency and faults), per
/// endpoint, and every fault applied, per kind. Unlike <see cref="SandboxRequestLog"/> it has no
/// capacity limit, so a long chaos run can compare it with an audit. Thread-safe.
/// </summary>
public sealed class SandboxRequestCounters
{
    private static readonly int EndpointCount = Enum.GetValues<SandboxEndpoint>().Length;
    private static readonly int KindCount = Enum.GetValues<FaultKind>().Length;

    private readonly long[] byEndpoint = new long[EndpointCount];
    private readonly long[] byFault = new long[KindCount];
    private long total;

    /// <summary>Every request under the API's base path, unknown routes included.</summary>
    public long Total => Interlocked.Read(ref total);

    /// <summary>The requests an endpoint received.</summary>
    public long Received(SandboxEndpoint endpoint) => Interlocked.Read(ref byEndpoint[(int)endpoint]);

    /// <summary>The requests that suffered a fault of this kind.</summary>
    public long Faulted(FaultKind kind) => Interlocked.Read(ref byFault[(int)kind]);

    internal void CountArrival(SandboxEndpoint? endpoint)
    {
        Interlocked.Increment(ref total);
        if (endpoint is { } known)
        {
            Interlocked.Increment(ref byEndpoint[(int)known]);
        }
    }

    internal void CountFault(FaultKind kind) => Interlocked.Increment(ref byFault[(int)kind]);
}
