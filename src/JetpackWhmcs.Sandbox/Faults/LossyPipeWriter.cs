using System.IO.Pipelines;

namespace JetpackWhmcs.Sandbox.Faults;

/// <summary>
/// Sits between Kestrel and a connection's socket output. It passes every byte through until told
/// to lose the rest: from then on it forwards only a given number of further bytes, completes the
/// socket's output (the socket transport then sends what it holds and closes with FIN), and swallows
/// whatever Kestrel writes afterwards. Kestrel keeps writing a complete, well-formed response, so it
/// never aborts the connection itself (an abort could cut the bytes we mean to send).
/// </summary>
internal sealed class LossyPipeWriter(PipeWriter inner) : PipeWriter
{
    private readonly Lock gate = new();
    private long? budget;
    private bool innerCompleted;
    private byte[] scratch = [];

    /// <summary>
    /// Forwards at most <paramref name="moreBytes"/> further bytes, then closes gracefully; zero
    /// closes at once. Call it between writes (the request's own code, after a flush).
    /// </summary>
    public void LoseAfter(long moreBytes)
    {
        lock (gate)
        {
            budget = moreBytes;
            if (moreBytes == 0)
            {
                CompleteInner();
            }
        }
    }

    /// <inheritdoc />
    public override void Advance(int bytes)
    {
        lock (gate)
        {
            if (innerCompleted)
            {
                return;
            }

            if (budget is { } left && bytes >= left)
            {
                inner.Advance((int)left);
                budget = 0;
                CompleteInner();
                return;
            }

            inner.Advance(bytes);
            if (budget is not null)
            {
                budget -= bytes;
            }
        }
    }

    /// <inheritdoc />
    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        lock (gate)
        {
            return innerCompleted ? Scratch(sizeHint) : inner.GetMemory(sizeHint);
        }
    }

    // Kestrel's response writer asks for these when a body is serialized straight into the pipe
    // (Results.Json, the control API); PipeWriter's defaults throw NotSupportedException.

    /// <inheritdoc />
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    /// <inheritdoc />
    public override long UnflushedBytes
    {
        get
        {
            lock (gate)
            {
                return innerCompleted ? 0 : inner.UnflushedBytes;
            }
        }
    }

    /// <inheritdoc />
    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    /// <inheritdoc />
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (innerCompleted)
            {
                // Not "completed": Kestrel would take that as the peer gone and abort the connection.
                return ValueTask.FromResult(new FlushResult(isCanceled: false, isCompleted: false));
            }
        }

        return inner.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void CancelPendingFlush()
    {
        lock (gate)
        {
            if (!innerCompleted)
            {
                inner.CancelPendingFlush();
            }
        }
    }

    /// <inheritdoc />
    public override void Complete(Exception? exception = null)
    {
        lock (gate)
        {
            if (!innerCompleted)
            {
                innerCompleted = true;
                inner.Complete(exception);
            }
        }
    }

    /// <inheritdoc />
    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        Complete(exception);
        return ValueTask.CompletedTask;
    }

    private void CompleteInner()
    {
        if (!innerCompleted)
        {
            innerCompleted = true;
            inner.Complete();
        }
    }

    private Memory<byte> Scratch(int sizeHint)
    {
        if (scratch.Length < Math.Max(sizeHint, 4096))
        {
            scratch = new byte[Math.Max(sizeHint, 4096)];
        }

        return scratch;
    }
}
