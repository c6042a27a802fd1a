using System.Net;

namespace Ditio.Documents.Internal.Calls;

/// <summary>
/// An answer whose headers arrived but whose body could not be taken: longer than the call's cap, or broken off. Thrown
/// under the retry handler (a broken-off answer of an idempotent call is worth another attempt; a too-large one is
/// not), and made into a <see cref="DitioApiException"/> of kind <see cref="DitioFailureKind.InvalidResponse"/> by the facade.
/// </summary>
internal sealed class DitioAnswerException : Exception
{
    private DitioAnswerException(HttpStatusCode status, string detail, bool transient, Exception? inner)
        : base(detail, inner)
    {
        StatusCode = status;
        IsTransient = transient;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets a value indicating whether another attempt may get the whole answer (it broke off, rather than being too large).</summary>
    public bool IsTransient { get; }

    public static DitioAnswerException TooLarge(HttpStatusCode status, long maxBytes, long? declared) => new(
        status,
        declared > maxBytes
            ? $"the answer announced {declared} bytes, more than the {maxBytes} this call accepts (Ditio:MaxResponseBytes)"
            : $"the answer went past the {maxBytes} bytes this call accepts (Ditio:MaxResponseBytes) and was cut off",
        transient: false,
        null);

    public static DitioAnswerException BrokenOff(HttpStatusCode status, long received, Exception inner) =>
        new(status, $"the body broke off after {received} bytes: {inner.Message}", transient: true, inner);
}
