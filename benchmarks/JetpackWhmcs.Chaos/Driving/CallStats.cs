using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace JetpackWhmcs.Chaos.Driving;

/// <summary>What the run's module calls got back, counted across the workers.</summary>
internal sealed partial class CallStats
{
    private readonly ConcurrentDictionary<string, int> sentences = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> abandoned = new();
    private long calls;
    private long viaPhp;
    private long attempts;
    private long inProgress;
    private long mayHaveBeenDone;
    private long unreachable;
    private long otherErrors;

    public long Calls => Interlocked.Read(ref calls);

    public long ViaPhp => Interlocked.Read(ref viaPhp);

    public long Attempts => Interlocked.Read(ref attempts);

    public long InProgress => Interlocked.Read(ref inProgress);

    public long MayHaveBeenDone => Interlocked.Read(ref mayHaveBeenDone);

    public long Unreachable => Interlocked.Read(ref unreachable);

    public long OtherErrors => Interlocked.Read(ref otherErrors);

    /// <summary>Calls given up after the deadline: service, function, last answer.</summary>
    public IReadOnlyList<string> Abandoned => [.. abandoned];

    /// <summary>The error sentences seen, most frequent first, with request ids and keys blanked so that alike ones group.</summary>
    public IReadOnlyList<(string Sentence, int Count)> TopSentences(int count) =>
        [.. sentences.OrderByDescending(s => s.Value).Take(count).Select(s => (s.Key, s.Value))];

    public void CallStarted(bool php)
    {
        Interlocked.Increment(ref calls);
        if (php)
        {
            Interlocked.Increment(ref viaPhp);
        }
    }

    /// <summary>Counts an attempt's answer; returns how long WHMCS staff would wait before trying again.</summary>
    public TimeSpan Count(CallAnswer answer, int attempt)
    {
        Interlocked.Increment(ref attempts);
        if (answer.Succeeded)
        {
            return TimeSpan.Zero;
        }

        var text = answer.Unreachable ?? answer.Text ?? "";
        sentences.AddOrUpdate(Normalize(text), 1, (_, n) => n + 1);
        if (answer.Unreachable is not null || text.Contains("could not be reached", StringComparison.Ordinal)
            || text.Contains("did not answer within", StringComparison.Ordinal) || text.Contains("(HTTP 503)", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref unreachable);
            return TimeSpan.FromMilliseconds(200);
        }

        if (text.Contains("in progress", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref inProgress);
            return TimeSpan.FromSeconds(1);
        }

        if (text.Contains("may have been", StringComparison.Ordinal) || text.Contains("did not confirm", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref mayHaveBeenDone);
            return TimeSpan.FromSeconds(1);
        }

        Interlocked.Increment(ref otherErrors);
        return TimeSpan.FromMilliseconds(500 * Math.Min(attempt, 4));
    }

    public void GaveUp(ServiceScript script, Step step, CallAnswer last) =>
        abandoned.Enqueue($"service {script.ServiceId} {step.Function}: {last.Unreachable ?? last.Text}");

    private static string Normalize(string text)
    {
        text = RequestId().Replace(text, "(Jetpack request id …)");
        text = LicenceKey().Replace(text, "<key>");
        text = Numbers().Replace(text, "N");
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    [GeneratedRegex(@"\(Jetpack request id [^)]*\)")]
    private static partial Regex RequestId();

    [GeneratedRegex(@"[a-z0-9-]+_[A-Za-z0-9]{25}")]
    private static partial Regex LicenceKey();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
