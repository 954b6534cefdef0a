using System.Net;
using System.Net.Sockets;

namespace ActorConcurrency.Chaos;

/// <summary>
/// TCP ports on 127.0.0.1 that were free a moment ago and that this run has not handed out before (a killed
/// node's port is never reused, so a restarted node is a new address and never the old incarnation).
/// </summary>
internal sealed class FreePorts
{
    private readonly HashSet<int> _given = [];
    private readonly Lock _lock = new();

    public int Next()
    {
        lock (_lock)
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                int port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (_given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
