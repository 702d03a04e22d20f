using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace JetpackWhmcs.Sandbox.Tests;

/// <summary>
/// One plain TCP connection to the sandbox, speaking HTTP/1.1 by hand, so a test sees exactly which
/// bytes arrived and whether the connection ended with FIN (a read of 0 bytes) or RST (a reset error).
/// </summary>
internal sealed class RawConnection : IDisposable
{
    private readonly Socket socket;
    private readonly string host;
    private readonly List<byte> pending = [];

    private RawConnection(Socket socket, string host)
    {
        this.socket = socket;
        this.host = host;
    }

    public static async Task<RawConnection> OpenAsync(Uri baseUrl)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(baseUrl.Host, baseUrl.Port);
        return new RawConnection(socket, baseUrl.Authority);
    }

    /// <summary>Sends one request; <paramref name="body"/> null sends no body at all.</summary>
    public async Task SendAsync(string method, string target, string? token = SandboxHarness.TokenA, string? body = null)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\nHost: {host}\r\n");
        if (token is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Authorization: Bearer {token}\r\n");
        }

        if (body is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n");
        }

        text.Append("\r\n").Append(body);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text.ToString()), SocketFlags.None);
    }

    /// <summary>Reads one complete answer (headers and Content-Length body); fails if the connection ends first.</summary>
    public async Task<(string Head, string Body)> ReadAnswerAsync()
    {
        int end;
        while ((end = HeaderEnd()) < 0)
        {
            Assert.True(await ReceiveAsync() > 0, "the connection ended before a complete answer");
        }

        var head = Encoding.ASCII.GetString([.. pending.GetRange(0, end)]);
        var length = int.Parse(Header(head, "Content-Length")!, CultureInfo.InvariantCulture);
        while (pending.Count < end + 4 + length)
        {
            Assert.True(await ReceiveAsync() > 0, "the connection ended inside the body");
        }

        var body = Encoding.UTF8.GetString([.. pending.GetRange(end + 4, length)]);
        pending.RemoveRange(0, end + 4 + length);
        return (head, body);
    }

    /// <summary>Reads until the connection ends; returns every byte that arrived and how it ended.</summary>
    public async Task<(byte[] Bytes, bool Reset)> ReadToEndAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await ReceiveAsync(deadline.Token) > 0)
            {
            }

            return ([.. pending], false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return ([.. pending], true);
        }
    }

    public static string? Header(string head, string name) =>
        head.Split("\r\n").Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim()).FirstOrDefault();

    public void Dispose() => socket.Dispose();

    private async Task<int> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var chunk = new byte[8192];
        var read = await socket.ReceiveAsync(chunk, SocketFlags.None, cancellationToken);
        pending.AddRange(chunk.AsSpan(0, read));
        return read;
    }

    private int HeaderEnd()
    {
        for (var i = 0; i + 3 < pending.Count; i++)
        {
            if (pending[i] == '\r' && pending[i + 1] == '\n' && pending[i + 2] == '\r' && pending[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
