using System.Net.Http.Headers;
using Ditio.Documents.Internal.Calls;

namespace Ditio.Documents.Internal.Telemetry;

/// <summary>
/// The request id an exception carries: the first of <c>x-request-id</c>, <c>request-id</c>, <c>x-correlation-id</c>,
/// and the trace id of a W3C <c>traceresponse</c> or <c>traceparent</c> the server answered with; else the W3C trace id
/// of the current activity. A server's value is taken only if it looks like an id (at most 128 characters of
/// letters, digits and <c>- _ . : / + =</c>) and holds no secret the SDK knows.
/// </summary>
internal static class RequestIds
{
    public const int MaxLength = 128;

    private static readonly string[] IdHeaders = ["x-request-id", "request-id", "x-correlation-id"];
    private static readonly string[] TraceHeaders = ["traceresponse", "traceparent"];
    private static readonly Compat.CharSet HexDigits = new Compat.CharSet("0123456789abcdef");
    private static readonly Compat.CharSet IdChars =
        new Compat.CharSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:/+=");

    /// <summary>The id the server sent in <paramref name="headers"/>, or the current trace id.</summary>
    public static string? Of(HttpResponseHeaders? headers, SecretScrubber? scrubber) =>
        FromServer(headers, scrubber) ?? Telemetry.DitioTelemetry.CurrentTraceId();

    /// <summary>Marks <paramref name="exception"/> with the operation and request id, unless already marked (a shared token failure).</summary>
    public static TException Stamp<TException>(TException exception, string operation, HttpResponseHeaders? headers, SecretScrubber? scrubber)
        where TException : DitioException
    {
        exception.Operation ??= operation;
        exception.RequestId ??= Of(headers, scrubber);
        return exception;
    }

    private static string? FromServer(HttpResponseHeaders? headers, SecretScrubber? scrubber)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var name in IdHeaders)
        {
            if (First(headers, name) is { } value && Acceptable(value, scrubber))
            {
                return value;
            }
        }

        foreach (var name in TraceHeaders)
        {
            // version-traceid-parentid-flags: the 32 hex digits of the trace id.
            if (First(headers, name) is { Length: >= 55 } value && value[2] == '-' && value[35] == '-'
                && HexDigits.ContainsAll(value.AsSpan(3, 32)))
            {
                return value.Substring(3, 32);
            }
        }

        return null;
    }

    private static string? First(HttpResponseHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            return value.Trim();
        }

        return null;
    }

    private static bool Acceptable(string value, SecretScrubber? scrubber) =>
        value.Length is > 0 and <= MaxLength
        && IdChars.ContainsAll(value.AsSpan())
        && (scrubber is null || string.Equals(scrubber.Scrub(value), value, StringComparison.Ordinal));
}
