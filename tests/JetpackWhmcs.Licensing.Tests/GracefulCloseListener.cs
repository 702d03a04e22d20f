using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>
/// A plain TCP server, not Kestrel, that speaks just enough HTTP/1.1 to play the network failure that
/// once cost money: on every connection it answers the first request 200 (keep-alive), then reads the
/// second request completely and closes the connection gracefully (FIN, no response byte). Every
/// request read, on any connection, is recorded, so a test sees a copy the client re-sent on a new
/// connection.
/// </summary>
internal sealed class GracefulCloseListener : IAsyncDisposable
{
    /// <summary>A licence body every 200 answer carries, valid for each single-licence endpoint.</summary>
    public const string LicenseJson =
        """{"license_id": 4242, "license_key": "jetpack-scan_tcp0000000000000000000000", "issued_at": "2026-01-01 00:00:00", "revoked_at": null}""";

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly Task acceptLoop;
    private int connections;

    public GracefulCloseListener()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/wpcom/v2/jetpack-licensing/");
        acceptLoop = AcceptAsync();
    }

    /// <summary>One request as the listener read it.</summary>
    public sealed record ReceivedRequest(int Connection, string Method, string Target, string? ContentLength, string Body);

    public Uri BaseUrl { get; }

    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    public int Connections => Volatile.Read(ref connections);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // stopping
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var socket = await listener.AcceptSocketAsync(stop.Token);
            var number = Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(socket, number));
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        using (socket)
        {
            var buffer = new List<byte>();
            try
            {
                for (var index = 0; ; index++)
                {
                    var request = await ReadRequestAsync(socket, buffer, connection);
                    if (request is null)
                    {
                        return; // the client closed
                    }

                    received.Enqueue(request);
                    if (index == 0)
                    {
                        var body = Encoding.UTF8.GetBytes(LicenseJson);
                        var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Jetpack-Request-Id: tcp-"
                            + connection.ToString(CultureInfo.InvariantCulture)
                            + "\r\nContent-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n";
                        await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(body).ToArray(), SocketFlags.None);
                        continue;
                    }

                    // The whole request was read, so closing sends FIN, not RST; no response byte was sent.
                    socket.Shutdown(SocketShutdown.Send);
                    socket.Close();
                    return;
                }
            }
            catch (SocketException)
            {
                // the client went away
            }
        }
    }

    private static async Task<ReceivedRequest?> ReadRequestAsync(Socket socket, List<byte> buffer, int connection)
    {
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await socket.ReceiveAsync(chunk, SocketFlags.None);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
        var lines = head.Split("\r\n");
        var start = lines[0].Split(' ');
        var contentLength = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim())
            .FirstOrDefault();
        var length = contentLength is null ? 0 : int.Parse(contentLength, CultureInfo.InvariantCulture);
        var total = headerEnd + 4 + length;
        while (buffer.Count < total)
        {
            var read = await socket.ReceiveAsync(chunk, SocketFlags.None);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var body = Encoding.UTF8.GetString(buffer.GetRange(headerEnd + 4, length).ToArray());
        buffer.RemoveRange(0, total);
        return new ReceivedRequest(connection, start[0], start[1], contentLength, body);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
