using System.Net;
using System.Net.Sockets;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// The transport under both Ditio HttpClients: no automatic redirects (a redirect would carry the client secret or a
/// token's request to another host; the call layer reports it instead), no cookies, pooled connections renewed every few
/// minutes (so DNS changes are seen), and, when set, a bounded socket send buffer, so upload progress and the stall timeout follow the bytes that
/// really left instead of megabytes parked in the kernel.
/// </summary>
internal static class DitioPrimaryHandler
{
    public static SocketsHttpHandler Create(DitioTransferOptions transfers)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        if (transfers.SocketSendBufferBytes is { } sendBuffer)
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, sendBuffer, cancellationToken);
        }

        return handler;
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, int sendBuffer, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendBufferSize = sendBuffer };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
