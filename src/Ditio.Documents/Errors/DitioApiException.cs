using System.Net;

namespace Ditio.Documents;

/// <summary>A call to the Ditio integration API failed: an error response, a business error, or no response at all.</summary>
/// <remarks>
/// <see cref="Kind"/> tells an error response (<see cref="StatusCode"/> set) from a failure with no response
/// (<see cref="DitioFailureKind.NoResponse"/>, <see cref="DitioFailureKind.Timeout"/>; <see cref="StatusCode"/> is <see langword="null"/>).
/// The Ditio error code and message are parsed from every error body shape Ditio uses; other bodies are kept as a short excerpt.
/// </remarks>
public sealed class DitioApiException : DitioException
{
    internal DitioApiException(DitioApiError error, Exception? innerException = null)
        : base(error.ToMessage(), innerException)
    {
        Kind = error.Kind;
        StatusCode = error.StatusCode;
        ErrorCode = error.ErrorCode;
        ErrorMessage = error.ErrorMessage;
        RequestMethod = error.Method;
        RequestPath = error.Path;
        ResponseExcerpt = error.ResponseExcerpt;
        RetryAfter = error.RetryAfter;
    }

    /// <summary>Gets what kind of failure this is.</summary>
    public DitioFailureKind Kind { get; }

    /// <summary>Gets the HTTP status code of the response, or <see langword="null"/> when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets Ditio's error code (for example <c>ArgumentIsNull</c>, or the first validation error's code), when the body had one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets Ditio's error message (possibly Norwegian free text), when the body had one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Gets the HTTP method of the failed request.</summary>
    public string RequestMethod { get; }

    /// <summary>Gets the path and query of the failed request (never credentials: they travel in headers).</summary>
    public string RequestPath { get; }

    /// <summary>Gets the start of the response body (at most 1,000 characters), or <see langword="null"/> when there was none.</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>Gets the pause the server asked for with <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets a value indicating whether a response arrived (an error status or an unsuccessful body).</summary>
    public bool ResponseReceived => StatusCode is not null;

    /// <summary>Gets a value indicating whether Ditio answered 404: the project, work order or document does not exist (on that target).</summary>
    /// <remarks>A 403 (another company's project, or no access) is <see cref="DitioFailureKind.Forbidden"/>, not this.</remarks>
    public bool IsNotFound => StatusCode is HttpStatusCode.NotFound;
}
