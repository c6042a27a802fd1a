using System.Net;
using System.Net.Sockets;

namespace Ditio.Documents.Tests.Infrastructure;

public static class Network
{
    /// <summary>A loopback port nothing listens on: bound to port 0, read, and released.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
