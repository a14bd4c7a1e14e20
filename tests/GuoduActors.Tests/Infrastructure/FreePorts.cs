using System.Net.Sockets;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>Loopback ports nobody is listening on, each handed out once per test run.</summary>
public static class FreePorts
{
    // Other engineers run their silo, dashboard and Azurite on the well-known ports: never take those.
    private static readonly HashSet<int> Reserved = [5080, 10000, 10001, 10002, 11111, 30000];
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (!Reserved.Contains(port) && Handed.Add(port))
                    return port;
            }
        }
    }
}
