using System.Net;
using System.Net.Sockets;

namespace JetpackWhmcs.Chaos.Processes;

/// <summary>Ports for the run's processes: consecutive from --base-port, else free ones the system picks.</summary>
internal sealed class FreePorts
{
    private readonly bool consecutive;
    private int next;

    public FreePorts(int basePort)
    {
        consecutive = basePort > 0;
        next = basePort;
    }

    public int Take()
    {
        if (consecutive)
        {
            return next++;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
