using System.Globalization;

namespace JetpackWhmcs.Sandbox.Control;

/// <summary>
/// The body of <c>PUT /_sandbox/faults</c>. Every field is optional: <c>rates</c> (fault specs, as the
/// <c>--fault</c> flag takes them) replaces every fault rate when present (an empty list turns random
/// faults off); <c>fail_next</c> queues forced faults; the delays replace the current ones. The change
/// is checked in full before any of it is applied, so a refused change leaves the knobs as they were.
/// </summary>
internal sealed class FaultsChange
{
    /// <summary>The most forced faults one entry may queue: a typo should not wedge an endpoint for hours.</summary>
    public const int MaxFailNextCount = 10_000;

    public List<string>? Rates { get; init; }

    public List<FailNextEntry>? FailNext { get; init; }

    public double? LatencyMs { get; init; }

    public double? JitterMs { get; init; }

    public double? LateAnswerDelayMs { get; init; }

    /// <summary>Applies the change; null when done, else the sentence saying what is wrong (nothing was changed).</summary>
    public string? TryApply(FaultSettings faults)
    {
        IReadOnlyList<FaultRate>? rates = null;
        if (Rates is not null)
        {
            try
            {
                rates = FaultSpec.ParseAll(Rates);
                // A scratch instance checks the per-endpoint totals without touching the live knobs.
                new FaultSettings().ReplaceFaultRates(rates);
            }
            catch (FormatException e)
            {
                return e.Message;
            }
            catch (ArgumentException e)
            {
                return FirstSentence(e.Message);
            }
        }

        var forced = new List<(SandboxEndpoint Endpoint, FaultKind Kind, int Count)>();
        foreach (var entry in FailNext ?? [])
        {
            if (!FaultSpec.TryParseEndpoint(entry.Endpoint, out var endpoint))
            {
                return $"fail_next names the endpoint '{entry.Endpoint}', which is not one of {string.Join(", ", FaultSpec.AllEndpoints.Select(FaultSpec.EndpointName))}.";
            }

            if (!FaultSpec.TryParseKind(entry.Kind, out var kind))
            {
                return $"fail_next names the fault kind '{entry.Kind}', which is not one of {string.Join(", ", FaultSpec.NamedKinds.Select(FaultSpec.KindName))}.";
            }

            if (entry.Count is < 0 or > MaxFailNextCount)
            {
                return $"fail_next asks for {entry.Count.ToString(CultureInfo.InvariantCulture)} faults of {entry.Endpoint}; give a count from 0 to {MaxFailNextCount.ToString(CultureInfo.InvariantCulture)}.";
            }

            forced.Add((endpoint, kind, entry.Count));
        }

        foreach (var (name, value) in new[] { ("latency_ms", LatencyMs), ("jitter_ms", JitterMs), ("late_answer_delay_ms", LateAnswerDelayMs) })
        {
            if (value is { } ms && (double.IsNaN(ms) || ms < 0 || ms > TimeSpan.FromHours(1).TotalMilliseconds))
            {
                return $"{name} must be a number of milliseconds from 0 to one hour.";
            }
        }

        if (rates is not null)
        {
            faults.ReplaceFaultRates(rates);
        }

        foreach (var (endpoint, kind, count) in forced)
        {
            faults.FailNext(endpoint, count, kind);
        }

        if (LatencyMs is { } latency)
        {
            faults.Latency = TimeSpan.FromMilliseconds(latency);
        }

        if (JitterMs is { } jitter)
        {
            faults.LatencyJitter = TimeSpan.FromMilliseconds(jitter);
        }

        if (LateAnswerDelayMs is { } late)
        {
            faults.LateAnswerDelay = TimeSpan.FromMilliseconds(late);
        }

        return null;
    }

    // ArgumentException appends " (Parameter 'rates')" to its message; the caller wants only the sentence.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
