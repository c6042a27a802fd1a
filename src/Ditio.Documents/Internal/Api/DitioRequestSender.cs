using System.Text;
using Ditio.Documents.Internal.Calls;

namespace Ditio.Documents.Internal.Api;

/// <summary>
/// Sends one of the SDK's requests: the URL is the client's base address (whose path prefix, such as <c>/core</c>, is
/// kept) followed by the route; the <see cref="DitioCall"/> travels on the request for the layers below; the answer is
/// returned as soon as its headers arrive (the answer handler reads a body it buffers; a download's body is streamed).
/// </summary>
internal sealed class DitioRequestSender
{
    private readonly HttpClient _http;
    private readonly string _base;

    public DitioRequestSender(HttpClient http)
    {
        _http = http;
        _base = (http.BaseAddress ?? throw new InvalidOperationException("The Ditio HttpClient has no base address.")).AbsoluteUri.TrimEnd('/');
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string route, HttpContent? content, DitioCall call, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(_base + route, UriKind.Absolute)) { Content = content };
        call.AttachTo(request);
        return _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>
    /// A value as one path segment, percent-encoded (RFC 3986). A segment of dots alone cannot be sent (the URI would
    /// take <c>..</c> as the parent route and drop <c>.</c>, even escaped): the facade refuses such values first.
    /// </summary>
    public static string Segment(string value) =>
        value.Length > 0 && value.Trim('.').Length == 0 && value.Length <= 2
            ? throw new ArgumentException($"'{value}' cannot be sent as a path segment.", nameof(value))
            : Uri.EscapeDataString(value);

    /// <summary>A route with its query: each pair whose value is not null, percent-encoded (RFC 3986).</summary>
    public static string WithQuery(string route, params (string Name, string? Value)[] query)
    {
        var builder = new StringBuilder(route);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (value is not null)
            {
                builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return builder.ToString();
    }
}
