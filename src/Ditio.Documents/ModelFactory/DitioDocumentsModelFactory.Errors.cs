using System.Globalization;
using System.Net;

namespace Ditio.Documents;

public static partial class DitioDocumentsModelFactory
{
    /// <summary>Builds a <see cref="Documents.DitioApiException"/> as the client throws it, message included.</summary>
    /// <param name="statusCode">Ditio's status; <see langword="null"/> when no response arrived.</param>
    /// <param name="kind">
    /// What went wrong; when <see langword="null"/>, as the client decides it: <see cref="DitioFailureKind.Forbidden"/> for
    /// 403, <see cref="DitioFailureKind.ErrorResponse"/> for another status, <see cref="DitioFailureKind.NoResponse"/> without one.
    /// </param>
    /// <param name="errorCode">Ditio's error code, such as <c>NotFound</c>.</param>
    /// <param name="errorMessage">Ditio's error message.</param>
    /// <param name="requestMethod">The request's method.</param>
    /// <param name="requestPath">The request's path (and query).</param>
    /// <param name="responseExcerpt">The start of the response body.</param>
    /// <param name="retryAfter">Ditio's <c>Retry-After</c>, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="requestId">The request id the server sent (or the trace id), as <see cref="DitioException.RequestId"/>.</param>
    /// <param name="operation">The public operation that failed, such as <c>Upload</c>, as <see cref="DitioException.Operation"/>.</param>
    /// <returns>The exception (not thrown).</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> needs a response and <paramref name="statusCode"/> is null, or the other way round.</exception>
    public static DitioApiException DitioApiException(
        HttpStatusCode? statusCode = HttpStatusCode.InternalServerError,
        DitioFailureKind? kind = null,
        string? errorCode = null,
        string? errorMessage = null,
        string requestMethod = "GET",
        string requestPath = "/api/v4/integration/projects",
        string? responseExcerpt = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null,
        string? requestId = null,
        string? operation = "GetProjects")
    {
        var actual = kind ?? statusCode switch
        {
            null => DitioFailureKind.NoResponse,
            HttpStatusCode.Forbidden => DitioFailureKind.Forbidden,
            _ => DitioFailureKind.ErrorResponse,
        };
        var needsResponse = actual is not (DitioFailureKind.NoResponse or DitioFailureKind.Timeout);
        if (needsResponse != statusCode is not null)
        {
            throw new ArgumentException(
                $"A {actual} failure {(needsResponse ? "has" : "has no")} status code: {(needsResponse ? "give one" : "pass null")}.", nameof(statusCode));
        }

        return new DitioApiException(
            new DitioApiError(actual, requestMethod, requestPath, statusCode, errorCode, errorMessage, responseExcerpt, retryAfter), innerException)
        {
            RequestId = requestId,
            Operation = operation,
        };
    }

    /// <summary>Builds a <see cref="Documents.DitioAuthenticationException"/> as the client throws it, message included.</summary>
    /// <param name="clientId">The client id that was refused.</param>
    /// <param name="statusCode">The identity server's status; <see langword="null"/> when it did not answer.</param>
    /// <param name="oauthError">OAuth's error, such as <c>invalid_client</c>.</param>
    /// <param name="oauthErrorDescription">OAuth's error description.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="requestId">The request id the identity server sent (or the trace id), as <see cref="DitioException.RequestId"/>.</param>
    /// <param name="operation">The public operation that needed the token, such as <c>Upload</c>, as <see cref="DitioException.Operation"/>.</param>
    /// <returns>The exception (not thrown).</returns>
    public static DitioAuthenticationException DitioAuthenticationException(
        string clientId = "my-client-id",
        HttpStatusCode? statusCode = HttpStatusCode.BadRequest,
        string? oauthError = "invalid_client",
        string? oauthErrorDescription = null,
        Exception? innerException = null,
        string? requestId = null,
        string? operation = "GetProjects")
    {
        var reason = statusCode is not { } status
            ? "no response from the identity server"
            : string.Create(CultureInfo.InvariantCulture, $"the identity server answered {(int)status} {status}")
                + (oauthError is null ? "" : $": {oauthError}{(oauthErrorDescription is null ? "" : $" ({oauthErrorDescription})")}");
        return new DitioAuthenticationException(
            $"Could not get a Ditio access token for client '{clientId}': {reason}.", clientId, statusCode, oauthError, oauthErrorDescription, innerException)
        {
            RequestId = requestId,
            Operation = operation,
        };
    }
}
