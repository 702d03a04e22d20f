namespace JetpackWhmcs.Sandbox.Control;

/// <summary><c>GET /_sandbox/faults</c> (and the answer to a <c>PUT</c>): the knobs as they are now.</summary>
internal sealed record FaultsBody(
    int Seed,
    double LatencyMs,
    double JitterMs,
    double LateAnswerDelayMs,
    IReadOnlyList<string> Rates,
    IReadOnlyDictionary<string, int> PendingFailNext,
    double FailureRate,
    double LostAnswerRate,
    int RateLimitPerSecond)
{
    public static FaultsBody From(SandboxOptions options)
    {
        var faults = options.Faults;
        return new FaultsBody(
            options.Seed,
            faults.Latency.TotalMilliseconds,
            faults.LatencyJitter.TotalMilliseconds,
            faults.LateAnswerDelay.TotalMilliseconds,
            [.. faults.FaultRates.Select(FaultSpec.Format)],
            FaultSpec.AllEndpoints.ToDictionary(FaultSpec.EndpointName, faults.PendingForcedFaults),
            faults.FailureRate,
            faults.LostAnswerRate,
            faults.RateLimitPerSecond);
    }
}
