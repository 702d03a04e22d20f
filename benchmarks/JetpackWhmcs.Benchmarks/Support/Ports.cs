using System.Net;
using System.Net.Sockets;

namespace JetpackWhmcs.Benchmarks.Support;

/// <summary>
/// Loopback ports for what a benchmark starts: taken from 18000-18999, the range this machine's
/// engineers agreed on for benchmark listeners, so a run never lands on another engineer's server.
/// </summary>
internal static class Ports
{
    private const int First = 18000;
    private const int Last = 18999;
    private static int next = First + (Environment.ProcessId % 500);

    /// <summary>A port in the range nothing listens on right now.</summary>
    public static int Free()
    {
        for (var tries = 0; tries <= Last - First; tries++)
        {
            var port = First + ((Interlocked.Increment(ref next) - First) % (Last - First + 1));
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    /// <summary>An http URL on a free port.</summary>
    public static string FreeUrl() => $"http://127.0.0.1:{Free()}";
}
