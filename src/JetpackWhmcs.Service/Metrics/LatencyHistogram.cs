namespace JetpackWhmcs.Service.Metrics;

/// <summary>A cumulative histogram as Prometheus reads it; thread-safe.</summary>
public sealed class LatencyHistogram(double[] bounds)
{
    private readonly long[] counts = new long[bounds.Length];
    private readonly Lock gate = new();
    private long count;
    private double sum;

    /// <summary>The upper bounds of the buckets.</summary>
    public IReadOnlyList<double> Bounds => bounds;

    /// <summary>Adds one observation.</summary>
    public void Observe(double seconds)
    {
        lock (gate)
        {
            for (var i = 0; i < bounds.Length; i++)
            {
                if (seconds <= bounds[i])
                {
                    counts[i]++;
                }
            }

            count++;
            sum += seconds;
        }
    }

    /// <summary>A consistent copy: cumulative bucket counts, total count and sum.</summary>
    public (long[] Buckets, long Count, double Sum) Snapshot()
    {
        lock (gate)
        {
            return ((long[])counts.Clone(), count, sum);
        }
    }
}
