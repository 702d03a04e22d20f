namespace JetpackWhmcs.Sandbox.Control;

/// <summary>
/// <c>GET /_sandbox/counters</c>: requests received per endpoint, counted on arrival (faulted ones
/// included), and faults applied per kind, keyed by their fault-spec names.
/// </summary>
internal sealed record CountersBody(long Total, IReadOnlyDictionary<string, long> Received, IReadOnlyDictionary<string, long> Faulted)
{
    public static CountersBody From(SandboxRequestCounters counters) => new(
        counters.Total,
        FaultSpec.AllEndpoints.ToDictionary(FaultSpec.EndpointName, counters.Received),
        FaultSpec.NamedKinds.ToDictionary(FaultSpec.KindName, counters.Faulted));
}
