using System.Net;
using System.Net.Sockets;
using Ditio.Documents.Internal.Calls;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// The transport under both Ditio HttpClients: no automatic redirects (a redirect would carry the client secret or a
/// token's request to another host; the call layer reports it instead), no cookies, pooled connections renewed every few
/// minutes (so DNS changes are seen), and, when set, a bounded socket send buffer, so upload progress and the stall timeout follow the bytes that
/// really left instead of megabytes parked in the kernel.
/// </summary>
internal static class DitioPrimaryHandler
{
    /// <summary>The transport, under a guard that lets a call that must not be repeated go on the wire only as often as the SDK decided.</summary>
    public static HttpMessageHandler Create(DitioTransferOptions transfers) => new SendGuard { InnerHandler = CreateTransport(transfers) };

    /// <summary>
    /// Makes whatever primary handler a client ended up with safe, as the very last step of its configuration: one an
    /// application set on purpose (a proxy, a client certificate, through the SDK's builder or for every client) keeps
    /// its settings, but never follows a redirect (for the runtime's handlers) and sits under the send guard.
    /// </summary>
    public static HttpMessageHandler Secure(HttpMessageHandler primary)
    {
        try
        {
            switch (primary)
            {
                case SendGuard:
                    return primary;
#if NET
                case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
#endif
                case HttpClientHandler { AllowAutoRedirect: true } client:
                    client.AllowAutoRedirect = false;
                    break;
#if !NET
                default:
                    // This build may run on a runtime that has SocketsHttpHandler (.NET Core, .NET 5 to 9), a type it
                    // cannot name: its switch is found by name.
                    RedirectsOff(primary);
                    break;
#endif
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                "The primary handler given to a Ditio HttpClient follows redirects and has already sent requests, so it cannot be changed: "
                + "give the Ditio clients a handler of their own, with AllowAutoRedirect = false (a redirect would carry the client secret to another host).",
                ex);
        }

        return new SendGuard { InnerHandler = primary };
    }

#if NET
    private static SocketsHttpHandler CreateTransport(DitioTransferOptions transfers)
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

#else
    /// <summary>
    /// .NET Framework has no SocketsHttpHandler: HttpClientHandler with the same rules (no redirects, no cookies, no
    /// decompression). Its connections live in the process-wide ServicePointManager, so neither the connection lifetime
    /// nor <see cref="DitioTransferOptions.SocketSendBufferBytes"/> can be set per client there (the README says so).
    /// </summary>
    private static HttpClientHandler CreateTransport(DitioTransferOptions transfers)
    {
        _ = transfers;
        return new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
    }
#endif

#if !NET
    /// <summary>Turns off a runtime handler's redirects through its public <c>AllowAutoRedirect</c> switch, when it has one.</summary>
    private static void RedirectsOff(HttpMessageHandler primary)
    {
        var property = primary.GetType().GetProperty("AllowAutoRedirect", typeof(bool));
        if (property is { CanRead: true, CanWrite: true } && property.GetValue(primary) is true)
        {
            try
            {
                property.SetValue(primary, false);
            }
            catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is InvalidOperationException started)
            {
                throw started;
            }
        }
    }

#endif
    /// <summary>The last check before the wire (see <see cref="DitioCall.CheckSend"/>).</summary>
    private sealed class SendGuard : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            DitioCall.Of(request)?.CheckSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
