using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using Polly.Timeout;
using Refit;

namespace Ditio.Documents.Internal.Errors;

/// <summary>Turns whatever a call ended with (Refit's answers and exceptions, HTTP failures, timeouts) into the SDK's exceptions.</summary>
internal static class DitioErrors
{
    /// <summary>Maps an exception thrown by a call. Cancellation by the caller stays an <see cref="OperationCanceledException"/>.</summary>
    public static Exception FromException(Exception exception, string method, string path, CancellationToken cancellationToken)
    {
        var cause = exception is ApiRequestException { InnerException: { } inner } ? inner : exception;
        if (cause is DitioException)
        {
            ExceptionDispatchInfo.Capture(cause).Throw();
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return cause as OperationCanceledException ?? new OperationCanceledException(cancellationToken);
        }

        var (kind, detail) = cause switch
        {
            TimeoutRejectedException => (DitioFailureKind.Timeout, "no response within the configured timeout"),
            TaskCanceledException { InnerException: TimeoutException } => (DitioFailureKind.Timeout, "no response within HttpClient.Timeout"),
            HttpRequestException http => (DitioFailureKind.NoResponse, Describe(http)),
            _ => (DitioFailureKind.NoResponse, $"{cause.GetType().Name}: {cause.Message}"),
        };
        return new DitioApiException(new DitioApiError(kind, method, path, Detail: detail), cause);
    }

    public static DitioApiException FromResponse(HttpResponseMessage response, string? body, string method, string path, TimeProvider time) =>
        FromResponse(response.StatusCode, response.Headers, Scrub(body, response.RequestMessage), method, path, time);

    private static DitioApiException FromResponse(
        HttpStatusCode status, HttpResponseHeaders? headers, string? body, string method, string path, TimeProvider time)
    {
        var (code, message) = ErrorBodyParser.Parse(body);
        var hint = status == HttpStatusCode.Unauthorized
            ? "the API refused the token even after renewing it: the API client may be disabled or lack the ditioapiv3 scope"
            : null;
        return new DitioApiException(
            new DitioApiError(DitioFailureKind.ErrorResponse, method, path, status, code, message, ErrorBodyParser.Excerpt(body), RetryAfter(headers, time), hint));
    }

    /// <summary>Removes the bearer token from a body that echoed the request (a proxy's debug page, say).</summary>
    private static string? Scrub(string? body, HttpRequestMessage? request) =>
        body is not null && request?.Headers.Authorization?.Parameter is { Length: > 0 } token
            ? body.Replace(token, "***", StringComparison.Ordinal)
            : body;

    /// <summary>A success whose body could not be read as the expected JSON; the body, if given, is quoted (token scrubbed).</summary>
    public static DitioApiException InvalidResponse(HttpResponseMessage response, string? body, string method, string path, string detail, Exception? inner) =>
        InvalidResponse(response.StatusCode, method, path, Scrub(body, response.RequestMessage), detail, inner);

    public static DitioApiException InvalidResponse(HttpStatusCode status, string method, string path, string? body, string? detail, Exception? inner = null) =>
        new(new DitioApiError(DitioFailureKind.InvalidResponse, method, path, status, ResponseExcerpt: ErrorBodyParser.Excerpt(body), Detail: detail), inner);

    public static DitioApiException Stalled(string method, string path, TimeSpan stallTimeout, Exception? inner = null) =>
        new(new DitioApiError(
            DitioFailureKind.Timeout, method, path,
            Detail: $"the transfer stalled: no bytes moved for {stallTimeout.TotalSeconds:0.###} s (Ditio:Transfers:StallTimeout)"), inner);

    public static DitioApiException Unsuccessful(HttpStatusCode status, string method, string path, string? message) =>
        new(new DitioApiError(DitioFailureKind.Unsuccessful, method, path, status, ErrorMessage: message ?? "successful: false"));

    internal static TimeSpan? RetryAfter(HttpResponseHeaders? headers, TimeProvider time) => headers?.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string Describe(HttpRequestException exception) =>
        exception.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "the connection could not be made",
            HttpRequestError.NameResolutionError => "the host name could not be resolved",
            HttpRequestError.SecureConnectionError => "the TLS connection could not be made",
            HttpRequestError.ResponseEnded => "the connection closed before the response was complete",
            _ => $"{exception.HttpRequestError}: {(exception.InnerException ?? exception).Message}",
        };
}
