using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace JetpackWhmcs.Service.Metrics;

/// <summary>
/// The service's counters. Published on the <c>JetpackWhmcs</c> meter (for OpenTelemetry users) and
/// aggregated here for the Prometheus text of <c>/metrics</c>.
/// </summary>
public sealed class ServiceMetrics : IDisposable
{
    /// <summary>Histogram bucket bounds in seconds.</summary>
    public static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Meter meter = new("JetpackWhmcs");
    private readonly Counter<long> moduleCalls;
    private readonly Histogram<double> apiLatency;
    private readonly ConcurrentDictionary<(string Function, string Outcome), long> moduleCallCounts = new();
    private readonly ConcurrentDictionary<(string Operation, string Outcome), LatencyHistogram> apiLatencies = new();

    /// <summary>Creates the instruments.</summary>
    public ServiceMetrics()
    {
        moduleCalls = meter.CreateCounter<long>("jetpack_whmcs.module.calls", description: "Module calls by function and outcome.");
        apiLatency = meter.CreateHistogram<double>("jetpack_whmcs.api.duration", unit: "s", description: "Jetpack Licensing API call latency.");
    }

    /// <summary>Module calls so far, by function and outcome.</summary>
    public IReadOnlyDictionary<(string Function, string Outcome), long> ModuleCalls => moduleCallCounts;

    /// <summary>API latency histograms, by operation and outcome.</summary>
    public IReadOnlyDictionary<(string Operation, string Outcome), LatencyHistogram> ApiLatencies => apiLatencies;

    /// <summary>Counts one module call.</summary>
    public void RecordModuleCall(string function, string outcome)
    {
        moduleCallCounts.AddOrUpdate((function, outcome), 1, (_, n) => n + 1);
        moduleCalls.Add(1, new KeyValuePair<string, object?>("function", function), new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>Records one API call's duration.</summary>
    public void RecordApiCall(string operation, string outcome, TimeSpan duration)
    {
        apiLatencies.GetOrAdd((operation, outcome), _ => new LatencyHistogram(LatencyBuckets)).Observe(duration.TotalSeconds);
        apiLatency.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <inheritdoc />
    public void Dispose() => meter.Dispose();
}
