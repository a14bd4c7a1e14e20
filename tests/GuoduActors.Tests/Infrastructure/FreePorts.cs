using System.Net.Sockets;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>Loopback ports nobody is listening on, each handed out once per test run.</summary>
public static class FreePorts
{
    // Below Linux's ephemeral range (32768–60999): a port from that range, free when handed out, can be taken as the local
    // end of any outgoing connection (the tests make thousands, to Azurite and between silos) before the silo binds it.
    private const int First = 20_000;
    private const int End = 32_000;
    // Other engineers run their silo, dashboard and Azurite on the well-known ports: never take those.
    private static readonly HashSet<int> Reserved = [5080, 10000, 10001, 10002, 11111, 30000];
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                var port = Random.Shared.Next(First, End);
                if (Reserved.Contains(port) || Handed.Contains(port) || !IsFree(port))
                    continue;
                Handed.Add(port);
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
