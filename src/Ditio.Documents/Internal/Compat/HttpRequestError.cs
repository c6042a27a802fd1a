#if !NET
namespace System.Net.Http;

/// <summary>.NET Framework's stand-in for .NET 8's <c>HttpRequestError</c>: the same names (see <c>HttpCompat</c> for how it is read).</summary>
internal enum HttpRequestError
{
    Unknown = 0,
    NameResolutionError,
    ConnectionError,
    SecureConnectionError,
    HttpProtocolError,
    ExtendedConnectNotSupported,
    VersionNegotiationError,
    UserAuthenticationError,
    ProxyTunnelError,
    InvalidResponse,
    ResponseEnded,
    ConfigurationLimitExceeded,
}
#endif
