namespace JetpackWhmcs.Sandbox;

/// <summary>
/// Thread-safe record of the requests a sandbox saw, in the order they were answered. Holds at most
/// <see cref="Capacity"/> entries (the oldest go first) so that a long benchmark cannot exhaust memory.
/// </summary>
public sealed class SandboxRequestLog
{
    /// <summary>The most entries kept.</summary>
    public const int Capacity = 100_000;

    private readonly Lock gate = new();
    private readonly Queue<RecordedRequest> requests = new();

    /// <summary>A snapshot of the recorded requests.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    internal void AddIfEnabled(SandboxOptions options, RecordedRequest request)
    {
        if (!options.RecordRequests)
        {
            return;
        }

        lock (gate)
        {
            if (requests.Count == Capacity)
            {
                requests.Dequeue();
            }

            requests.Enqueue(request);
        }
    }
}
