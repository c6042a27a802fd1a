using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using Ditio.Documents.Internal.Calls;
using Polly.Timeout;

namespace Ditio.Documents.Internal.Errors;

/// <summary>
/// The one error factory: turns whatever a call ended with (an error answer, an answer that could not be read, an
/// exception from the pipeline) into the SDK's exceptions. Every text a server sent passes through the registration's
/// <see cref="SecretScrubber"/> here, and is quoted by one excerpt rule (<see cref="ErrorBodyParser"/>).
/// </summary>
internal sealed class DitioErrors(SecretScrubber scrubber, TimeProvider time)
{
    private const int MaxErrorBodyChars = 16 * 1024;

    public SecretScrubber Scrubber => scrubber;

    /// <summary>An error answer (any status but 2xx). A redirect is an invalid response: the SDK never follows one.</summary>
    public DitioApiException FromResponse(HttpResponseMessage response, DitioCall call)
    {
        var status = response.StatusCode;
        if ((int)status is >= 300 and < 400)
        {
            return Redirected(response, call);
        }

        // Parsing undoes JSON escapes, so what it finds is scrubbed again; the excerpt is withheld if that mattered.
        var request = response.RequestMessage;
        var body = Scrub(BodyText(response, call), request);
        var (code, message) = ErrorBodyParser.Parse(body);
        var kind = status == HttpStatusCode.Forbidden ? DitioFailureKind.Forbidden : DitioFailureKind.ErrorResponse;
        var hint = status == HttpStatusCode.Unauthorized
            ? "the API refused the token even after renewing it: the API client may be disabled or lack the ditioapiv3 scope"
            : null;
        return new DitioApiException(new DitioApiError(
            kind, call.Method ?? "?", call.PathOrOperation, status, Scrub(code, request), Scrub(message, request), ErrorBodyParser.Excerpt(Withheld(body, request)), RetryAfter(response.Headers, time), hint));
    }

    /// <summary>A 2xx whose body is not what was expected; the body is quoted (scrubbed).</summary>
    public DitioApiException InvalidResponse(HttpResponseMessage response, DitioCall call, string detail, Exception? inner)
    {
        var body = ScrubbedBody(response, call);
        return new DitioApiException(new DitioApiError(
            DitioFailureKind.InvalidResponse, call.Method ?? "?", call.PathOrOperation, response.StatusCode, ResponseExcerpt: ErrorBodyParser.Excerpt(body), Detail: Scrub(detail, null)), Safe(inner, response.RequestMessage));
    }

    /// <summary>A 2xx whose body says <c>successful: false</c>.</summary>
    public DitioApiException Unsuccessful(HttpStatusCode status, DitioCall call, string? message) =>
        new(new DitioApiError(DitioFailureKind.Unsuccessful, call.Method ?? "?", call.PathOrOperation, status, ErrorMessage: Scrub(message, null) ?? "successful: false"));

    /// <summary>
    /// A call that ended with an exception and not by the caller's doing (the facade handles cancellation, disposal and
    /// the caller's own faults first): a timeout, no response, or an answer that could not be taken.
    /// </summary>
    public DitioApiException FromException(Exception exception, DitioCall call)
    {
        if (exception is DitioException)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }

        var (kind, status, detail) = exception switch
        {
            DitioAnswerException answer => (DitioFailureKind.InvalidResponse, (HttpStatusCode?)answer.StatusCode, answer.Message),
            TimeoutRejectedException => (DitioFailureKind.Timeout, null, "no complete answer within the configured timeout (Ditio:Retry)"),
            TaskCanceledException { InnerException: TimeoutException } => (DitioFailureKind.Timeout, null, "no complete answer within HttpClient.Timeout"),
            HttpRequestException http => (DitioFailureKind.NoResponse, null, Describe(http)),
            _ => (DitioFailureKind.NoResponse, null, $"{exception.GetType().Name}: {exception.Message}"),
        };
        return new DitioApiException(new DitioApiError(kind, call.Method ?? "?", call.PathOrOperation, status, Detail: Scrub(detail, null)), Safe(exception, null));
    }


    /// <summary>No token: every reason the identity server gave (or did not give) ends here, scrubbed.</summary>
    public DitioAuthenticationException Authentication(
        string clientId, string reason, HttpStatusCode? status, string? error = null, string? description = null, Exception? inner = null) =>
        new(
            $"Could not get a Ditio access token for client '{clientId}': {Scrub(reason, null)}.",
            clientId,
            status,
            Scrub(error, null),
            Scrub(description, null),
            Safe(inner, null));

    /// <summary>
    /// The text of an error answer read by <see cref="DitioAnswerHandler"/>, at most its first 16 K characters, decoded as
    /// the answer says (its byte order mark, else its charset, else UTF-8): a secret echoed in UTF-16 is text the scrubber
    /// sees, not bytes that a reader would still make out between the NULs.
    /// </summary>
    public static string? BodyText(HttpResponseMessage response, DitioCall call)
    {
        var answer = call.Answer;
        if (answer.IsEmpty)
        {
            return null;
        }

        var body = answer;
        var encoding = EncodingOf(ref body, response.Content.Headers.ContentType?.CharSet);
        var text = encoding.GetString(body[..Math.Min(body.Length, MaxErrorBodyChars * 4)]);
        return text.Length <= MaxErrorBodyChars ? text : text[..MaxErrorBodyChars];
    }

    /// <summary>The encoding of a body, past its byte order mark (which is skipped) or by its charset; UTF-8 if neither is known.</summary>
    private static Encoding EncodingOf(ref ReadOnlySpan<byte> body, string? charset)
    {
        foreach (var known in (ReadOnlySpan<Encoding>)[Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode])
        {
            var preamble = known.GetPreamble();
            if (body.StartsWith(preamble))
            {
                body = body[preamble.Length..];
                return known;
            }
        }

        try
        {
            return charset is { Length: > 0 } ? Encoding.GetEncoding(charset.Trim('"', ' ')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    public static DitioApiException Stalled(string method, string path, TimeSpan stallTimeout, Exception? inner = null) =>
        new(new DitioApiError(
            DitioFailureKind.Timeout, method, path,
            Detail: $"the transfer stalled: no bytes moved for {stallTimeout.TotalSeconds:0.###} s (Ditio:Transfers:StallTimeout)"), inner);

    public static DitioApiException Truncated(string path, string detail, Exception? inner) =>
        new(new DitioApiError(DitioFailureKind.InvalidResponse, "GET", path, HttpStatusCode.OK, Detail: detail), inner);

    internal static TimeSpan? RetryAfter(HttpResponseHeaders? headers, TimeProvider time) => headers?.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>
    /// The host a redirect pointed to, for the message; nothing is ever sent there. A host name is lower-cased by
    /// <see cref="Uri"/>, so a secret echoed into it is looked for whatever its case.
    /// </summary>
    internal string RedirectDetail(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? string.Create(CultureInfo.InvariantCulture, $"a redirect to {(location.IsAbsoluteUri ? scrubber.Scrub(location.Host, ignoreCase: true) : "a relative location")}, which the SDK does not follow: check the base URL")
            : "a redirect without a Location, which the SDK does not follow: check the base URL";

    /// <summary>
    /// The text of an answer, scrubbed, for an excerpt or a message. Withheld whole when a JSON string in it, once its
    /// escapes are undone (<c>\/</c>, <c>A</c>, ...), holds a secret that the scrubber could not see escaped.
    /// </summary>
    public string? ScrubbedBody(HttpResponseMessage response, DitioCall call) =>
        Withheld(Scrub(BodyText(response, call), response.RequestMessage), response.RequestMessage);

    private string? Withheld(string? body, HttpRequestMessage? request) =>
        body is not null && ErrorBodyParser.AnyString(body, text => Scrub(text, request) != text)
            ? "(the answer quoted a secret in an escaped form: withheld)"
            : body;

    private DitioApiException Redirected(HttpResponseMessage response, DitioCall call) =>
        new(new DitioApiError(
            DitioFailureKind.InvalidResponse, call.Method ?? "?", call.PathOrOperation, response.StatusCode, Detail: Scrub(RedirectDetail(response), null)));

    /// <summary>
    /// The exception kept as the inner one: as it is, unless its text (messages of the whole chain) holds a secret, as
    /// when a parser or the runtime quoted what a server sent (a charset, a header); then a stand-in with the same text
    /// scrubbed (<see cref="ScrubbedException"/>).
    /// </summary>
    private Exception? Safe(Exception? inner, HttpRequestMessage? request)
    {
        if (inner is null || Scrub(inner.ToString(), request) == inner.ToString())
        {
            return inner;
        }

        return new ScrubbedException(inner.GetType(), Scrub(inner.Message, request) ?? "", Safe(inner.InnerException, request));
    }

    /// <summary>Removes the secrets from server text, and the very token the request carried.</summary>
    private string? Scrub(string? text, HttpRequestMessage? request)
    {
        text = scrubber.Scrub(text);
        return text is not null && request?.Headers.Authorization?.Parameter is { Length: > 0 } token
            ? SecretScrubber.ReplaceWhole(text, token)
            : text;
    }

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
