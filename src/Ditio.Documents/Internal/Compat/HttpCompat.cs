#if !NET
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;

namespace Ditio.Documents.Internal.Compat;

/// <summary>.NET Framework's stand-ins for the HttpClient members of .NET 5 to 8 the SDK reads.</summary>
internal static class HttpCompat
{
    /// <summary>On a .NET 8+ runtime (an app that loads this build) the real property exists and is read.</summary>
    private static readonly PropertyInfo? RuntimeRequestError = typeof(HttpRequestException).GetProperty("HttpRequestError");

    extension(HttpContent content)
    {
        public Task<Stream> ReadAsStreamAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return content.ReadAsStreamAsync();
        }
    }

    extension(HttpHeaders headers)
    {
        /// <summary>The headers as stored (on .NET Framework every header is enumerated as stored; nothing is re-validated).</summary>
        public IEnumerable<KeyValuePair<string, IEnumerable<string>>> NonValidated => headers;
    }

    extension(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        public bool TryGetValues(string name, out HeaderValues values)
        {
            foreach (var header in headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    values = new HeaderValues(header.Value);
                    return true;
                }
            }

            values = default;
            return false;
        }
    }

    extension(HttpRequestException exception)
    {
        /// <summary>
        /// What kind of failure it was. .NET Framework has no such property: there it is read from the inner
        /// <see cref="WebException"/> or <see cref="SocketException"/>, and a failure that cannot be told apart is
        /// <see cref="HttpRequestError.Unknown"/> (so, for an upload, never taken for one that was not sent).
        /// </summary>
        public HttpRequestError HttpRequestError
        {
            get
            {
                if (RuntimeRequestError?.GetValue(exception) is { } runtime && Enum.TryParse<HttpRequestError>(runtime.ToString(), out var parsed))
                {
                    return parsed;
                }

                return exception.InnerException switch
                {
                    WebException web => web.Status switch
                    {
                        WebExceptionStatus.NameResolutionFailure or WebExceptionStatus.ProxyNameResolutionFailure => HttpRequestError.NameResolutionError,
                        WebExceptionStatus.ConnectFailure => web.InnerException is SocketException socket ? Classify(socket) : HttpRequestError.ConnectionError,
                        WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure => HttpRequestError.SecureConnectionError,
                        WebExceptionStatus.ServerProtocolViolation => HttpRequestError.InvalidResponse,
                        WebExceptionStatus.ReceiveFailure or WebExceptionStatus.ConnectionClosed => HttpRequestError.ResponseEnded,
                        _ => HttpRequestError.Unknown,
                    },
                    SocketException socket => Classify(socket),
                    _ => HttpRequestError.Unknown,
                };
            }
        }
    }

    private static HttpRequestError Classify(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => HttpRequestError.NameResolutionError,
        SocketError.ConnectionRefused or SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.TimedOut => HttpRequestError.ConnectionError,
        _ => HttpRequestError.Unknown,
    };

    /// <summary>Stands in for .NET's <c>HeaderStringValues</c>: <see cref="ToString"/> joins the values as .NET does.</summary>
    internal readonly struct HeaderValues(IEnumerable<string> values)
    {
        public IEnumerator<string> GetEnumerator() => (values ?? []).GetEnumerator();

        public override string ToString() => values is null ? "" : string.Join(", ", values);
    }
}
#endif
