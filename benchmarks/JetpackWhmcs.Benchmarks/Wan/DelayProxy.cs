using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace JetpackWhmcs.Benchmarks.Wan;

/// <summary>
/// A TCP proxy that plays a wide-area link: every chunk is forwarded one-way-delay after it arrived,
/// in each direction, in order. Because the client reaches the proxy on loopback at once, the TCP
/// handshake a real link would pay is played too: a new connection's first bytes leave no earlier
/// than one round trip after it was accepted (SYN, SYN-ACK), then travel one way. TLS is not played.
/// It counts the connections it accepted and the request flights it carried (a client-to-server burst
/// that opens a connection or follows an answer), so round trips are counted, not inferred from times.
/// </summary>
internal sealed class DelayProxy : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly IPEndPoint upstream;
    private readonly long oneWayTicks;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;
    private long connections;
    private long flights;

    private DelayProxy(Socket listener, IPEndPoint upstream, TimeSpan oneWay)
    {
        this.listener = listener;
        this.upstream = upstream;
        oneWayTicks = (long)(oneWay.TotalSeconds * Stopwatch.Frequency);
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndPoint!).Port;

    /// <summary>TCP connections accepted since the last <see cref="ResetCounters"/>.</summary>
    public long Connections => Interlocked.Read(ref connections);

    /// <summary>Client-to-server flights since the last <see cref="ResetCounters"/>.</summary>
    public long Flights => Interlocked.Read(ref flights);

    /// <summary>Round trips the link carried: one per handshake and one per request flight.</summary>
    public long RoundTrips => Connections + Flights;

    public static DelayProxy Start(int port, IPEndPoint upstream, TimeSpan oneWay)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(128);
        return new DelayProxy(listener, upstream, oneWay);
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref connections, 0);
        Interlocked.Exchange(ref flights, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Dispose();
        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptAsync(stopping.Token);
            Interlocked.Increment(ref connections);
            _ = RelayAsync(client, Stopwatch.GetTimestamp());
        }
    }

    private async Task RelayAsync(Socket client, long acceptedAt)
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(upstream, stopping.Token);
            var direction = new LastDirection();
            // The client's first bytes could leave only once the SYN-ACK came back: one round trip.
            var up = PumpAsync(client, server, direction, toServer: true, earliest: acceptedAt + (2 * oneWayTicks));
            var down = PumpAsync(server, client, direction, toServer: false, earliest: 0);
            await Task.WhenAll(up, down);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // One side went away: the other is closed below, as a real link would lose it.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to, LastDirection direction, bool toServer, long earliest)
    {
        var queue = Channel.CreateUnbounded<(long Due, byte[] Bytes)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = WriteAsync(to, queue.Reader);
        try
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping.Token)) > 0)
            {
                var now = Stopwatch.GetTimestamp();
                if (toServer && direction.SwitchToClient())
                {
                    Interlocked.Increment(ref flights);
                }
                else if (!toServer)
                {
                    direction.SwitchToServer();
                }

                queue.Writer.TryWrite((Math.Max(now, earliest) + oneWayTicks, buffer[..read]));
            }

            // The end of the stream travels the link too.
            queue.Writer.TryWrite((Math.Max(Stopwatch.GetTimestamp(), earliest) + oneWayTicks, []));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A reset on one side: drop the other too, so neither pump waits for ever.
            from.Dispose();
            to.Dispose();
        }
        finally
        {
            queue.Writer.TryComplete();
            await writer;
        }
    }

    private async Task WriteAsync(Socket to, ChannelReader<(long Due, byte[] Bytes)> queue)
    {
        try
        {
            await foreach (var (due, bytes) in queue.ReadAllAsync(stopping.Token))
            {
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), stopping.Token);
                }

                if (bytes.Length == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(bytes, SocketFlags.None, stopping.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side is gone.
        }
    }

    /// <summary>Which side spoke last on one connection, to tell a new request flight from more of the same.</summary>
    private sealed class LastDirection
    {
        private int fromClient;

        /// <summary>Marks the client as the last speaker; true when the server (or nobody) spoke before.</summary>
        public bool SwitchToClient() => Interlocked.Exchange(ref fromClient, 1) == 0;

        public void SwitchToServer() => Interlocked.Exchange(ref fromClient, 0);
    }
}
