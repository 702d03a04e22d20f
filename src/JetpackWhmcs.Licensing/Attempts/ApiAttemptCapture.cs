namespace JetpackWhmcs.Licensing.Attempts;

/// <summary>
/// Collects the attempts of the API calls made inside a scope on the current async flow:
/// <c>using var capture = ApiAttemptCapture.Start();</c>, then call the client, then read
/// <see cref="Attempts"/>. The client reports to the innermost open capture; with none open it
/// reports nowhere. Thread-safe: parallel attempts of one flow may append at once.
/// </summary>
public sealed class ApiAttemptCapture : IDisposable
{
    private static readonly AsyncLocal<ApiAttemptCapture?> CurrentCapture = new();

    private readonly ApiAttemptCapture? outer;
    private readonly List<ApiAttempt> attempts = [];
    private bool disposed;

    private ApiAttemptCapture(ApiAttemptCapture? outer) => this.outer = outer;

    /// <summary>
    /// Called before each attempt of a call made inside this capture is sent, with the operation and the
    /// attempt's number; an exception it throws fails the attempt before anything is sent. Lets an audit
    /// write a row ahead of every request that may leave, retries included.
    /// </summary>
    public Func<string, int, CancellationToken, ValueTask>? BeforeAttempt { get; set; }

    /// <summary>The attempts reported so far, in the order they ended.</summary>
    public IReadOnlyList<ApiAttempt> Attempts
    {
        get
        {
            lock (attempts)
            {
                return [.. attempts];
            }
        }
    }

    /// <summary>
    /// Opens a capture on the current async flow. Must be called from the method that awaits the
    /// client (a synchronous call, so the flow's value is set in the caller's context).
    /// </summary>
    /// <returns>The capture; dispose it to stop capturing.</returns>
    public static ApiAttemptCapture Start()
    {
        var capture = new ApiAttemptCapture(CurrentCapture.Value);
        CurrentCapture.Value = capture;
        return capture;
    }

    /// <summary>Closes the capture; the enclosing one, if any, receives later attempts.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        Volatile.Write(ref disposed, true);
        if (ReferenceEquals(CurrentCapture.Value, this))
        {
            CurrentCapture.Value = outer;
        }
    }

    /// <summary>Runs the innermost open capture's <see cref="BeforeAttempt"/>, if any.</summary>
    internal static ValueTask BeforeAttemptAsync(string operation, int number, CancellationToken cancellationToken)
    {
        var capture = CurrentCapture.Value;
        while (capture is not null && Volatile.Read(ref capture.disposed))
        {
            capture = capture.outer;
        }

        return capture?.BeforeAttempt is { } before ? before(operation, number, cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Reports one attempt to the innermost open capture of this flow, if any.</summary>
    internal static void Report(ApiAttempt attempt)
    {
        // A flow forked while an inner capture was open (a task started inside it) still sees that
        // capture after it is closed; its attempts belong to the nearest enclosing one still open.
        var capture = CurrentCapture.Value;
        while (capture is not null && Volatile.Read(ref capture.disposed))
        {
            capture = capture.outer;
        }

        if (capture is null)
        {
            return;
        }

        lock (capture.attempts)
        {
            capture.attempts.Add(attempt);
        }
    }
}
