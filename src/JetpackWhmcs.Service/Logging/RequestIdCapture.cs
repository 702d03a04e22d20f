namespace JetpackWhmcs.Service.Logging;

/// <summary>The request ids seen in one scope; dispose to end it.</summary>
public sealed class RequestIdCapture : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<string> ids = [];

    internal RequestIdCapture(RequestIdCapture? outer) => Outer = outer;

    internal RequestIdCapture? Outer { get; }

    /// <summary>Every id, in arrival order.</summary>
    public IReadOnlyList<string> All
    {
        get { lock (gate) { return [.. ids]; } }
    }

    /// <summary>The last id, or null.</summary>
    public string? Last
    {
        get { lock (gate) { return ids.Count > 0 ? ids[^1] : null; } }
    }

    internal void Add(string id)
    {
        lock (gate)
        {
            ids.Add(id);
        }

        Outer?.Add(id);
    }

    /// <inheritdoc />
    public void Dispose() => JetpackRequestIds.End(this);
}
