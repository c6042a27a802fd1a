using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ditio.Documents.AspNetSample;

/// <summary>
/// Turns the SDK's exceptions into problem details a caller can act on. Only a refusal that is the caller's to fix (a
/// 4xx from Ditio other than 401/403) carries Ditio's words; everything else (Ditio's server errors, no answer, an
/// answer that could not be read, the sample's own credentials) gets a generic problem: what a server sent back is
/// not passed on to the caller, and the full exception stays in the sample's log.
/// </summary>
internal static class DitioProblems
{
    /// <param name="exception">The SDK's exception.</param>
    /// <param name="uploaded">Files already stored in Ditio by this request, so the caller does not send them twice.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult From(DitioException exception, IReadOnlyList<UploadedFile>? uploaded = null)
    {
        var problem = exception is DitioApiException { StatusCode: { } code } api && IsCallersToFix(code)
            ? Refused(api, (int)code)
            : Generic(exception);
        if (uploaded is { Count: > 0 })
        {
            problem.Extensions["uploaded"] = uploaded;
        }

        return TypedResults.Problem(problem);
    }

    private static bool IsCallersToFix(HttpStatusCode code) =>
        (int)code is >= 400 and < 500 && code is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden and not HttpStatusCode.TooManyRequests;

    private static ProblemDetails Refused(DitioApiException exception, int status) => new()
    {
        Status = status,
        Title = "Ditio refused the request",
        Detail = exception.ErrorMessage ?? exception.Message,
        Extensions =
        {
            ["ditioStatus"] = status,
            ["ditioErrorCode"] = exception.ErrorCode,
        },
    };

    private static ProblemDetails Generic(DitioException exception) => exception switch
    {
        DitioAuthenticationException auth => new ProblemDetails
        {
            Status = StatusCodes.Status502BadGateway,
            Title = "Could not authenticate with Ditio",
            Detail = "This service's Ditio credentials were refused or the identity server could not be reached; see the service's log.",
            Extensions = { ["oauthError"] = auth.OAuthError },
        },
        DitioApiException { Kind: DitioFailureKind.Timeout } => new ProblemDetails
        {
            Status = StatusCodes.Status504GatewayTimeout,
            Title = "Ditio did not answer in time",
            Detail = "Try again later.",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status502BadGateway,
            Title = "Ditio could not complete the request",
            Detail = "Ditio failed or answered something this service could not use; try again later, or see the service's log.",
        },
    };
}
