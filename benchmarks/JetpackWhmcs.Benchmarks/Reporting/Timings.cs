using System.Diagnostics;

namespace JetpackWhmcs.Benchmarks.Reporting;

/// <summary>Collects elapsed times of repeated operations and summarises them as percentiles.</summary>
internal sealed class Timings
{
    private readonly List<double> microseconds = [];
    private readonly Lock gate = new();

    public async Task<T> MeasureAsync<T>(Func<Task<T>> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        Add(Stopwatch.GetElapsedTime(started));
        return result;
    }

    public void Add(TimeSpan elapsed)
    {
        lock (gate)
        {
            microseconds.Add(elapsed.TotalMicroseconds);
        }
    }

    /// <summary>Adds every timing of <paramref name="other"/> (rounds of one series measured apart).</summary>
    public void Add(Timings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        lock (gate)
        {
            microseconds.AddRange(other.microseconds);
        }
    }

    public int Count => microseconds.Count;

    public double Percentile(double p)
    {
        lock (gate)
        {
            if (microseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = microseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }
}
