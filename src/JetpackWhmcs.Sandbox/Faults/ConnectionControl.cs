using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace JetpackWhmcs.Sandbox.Faults;

/// <summary>
/// The transport of one connection, as the connection middleware wrapped it, so a request can make
/// its connection fail the way networks fail: a graceful close (FIN) after a chosen number of bytes
/// of the answer, or a reset (RST). Found from a request through <see cref="IConnectionItemsFeature"/>.
/// </summary>
internal sealed class ConnectionControl
{
    private static readonly object ItemKey = typeof(ConnectionControl);

    private readonly LossyPipeWriter output;
    private readonly Socket? socket;

    private ConnectionControl(ConnectionContext connection)
    {
        output = new LossyPipeWriter(connection.Transport.Output);
        socket = connection.Features.Get<IConnectionSocketFeature>()?.Socket;
        connection.Transport = new Duplex(connection.Transport.Input, output);
        connection.Items[ItemKey] = this;
    }

    /// <summary>Wraps a new connection's transport; its requests find the control with <see cref="Find"/>.</summary>
    public static void Attach(ConnectionContext connection) => _ = new ConnectionControl(connection);

    /// <summary>The control of the request's connection, or null when the connection middleware is not installed.</summary>
    public static ConnectionControl? Find(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ItemKey, out var control) == true
            ? control as ConnectionControl
            : null;

    /// <summary>Sends at most <paramref name="moreBytes"/> more bytes of what is written, then FIN; later bytes are swallowed.</summary>
    public void CloseGracefullyAfter(long moreBytes) => output.LoseAfter(moreBytes);

    /// <summary>
    /// Resets the connection: with a zero linger time, closing the socket sends RST and no FIN. Without
    /// access to the socket, aborts the connection instead.
    /// </summary>
    /// <returns>False when the socket was not reachable and the caller must abort the request itself.</returns>
    public bool Reset()
    {
        if (socket is null)
        {
            return false;
        }

        try
        {
            socket.LingerState = new LingerOption(enable: true, seconds: 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // already closed by the peer
        }

        return true;
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }
}
