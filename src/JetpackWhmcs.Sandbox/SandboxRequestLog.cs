namespace JetpackWhmcs.Sandbox;

/// <summary>Thread-safe record of the requests a sandbox saw (in arrival order of their answers).</summary>
public sealed class SandboxRequestLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];

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
            requests.Add(request);
        }
    }
}
