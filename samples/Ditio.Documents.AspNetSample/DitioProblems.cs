using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ditio.Documents.AspNetSample;

/// <summary>Turns the SDK's exceptions into problem details a caller can act on.</summary>
internal static class DitioProblems
{
    /// <summary>
    /// <see cref="DitioApiException"/>: Ditio's status, error code and message (502 when no response arrived, 504 when
    /// none arrived in time; 502 too for a 401 Ditio kept answering, or an unsuccessful 2xx, which are not the caller's
    /// to fix). <see cref="DitioAuthenticationException"/>: 502, since the sample's own Ditio credentials are at fault.
    /// </summary>
    /// <param name="exception">The SDK's exception.</param>
    /// <param name="uploaded">Files already stored in Ditio by this request, so the caller does not send them twice.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult From(DitioException exception, IReadOnlyList<UploadedFile>? uploaded = null)
    {
        var problem = exception switch
        {
            DitioApiException api => FromApi(api),
            DitioAuthenticationException auth => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = "Could not authenticate with Ditio",
                Detail = auth.Message,
                Extensions = { ["oauthError"] = auth.OAuthError, ["clientId"] = auth.ClientId },
            },
            _ => new ProblemDetails { Status = StatusCodes.Status502BadGateway, Title = "Ditio call failed", Detail = exception.Message },
        };
        if (uploaded is { Count: > 0 })
        {
            problem.Extensions["uploaded"] = uploaded;
        }

        return TypedResults.Problem(problem);
    }

    private static ProblemDetails FromApi(DitioApiException exception)
    {
        var status = exception switch
        {
            { Kind: DitioFailureKind.Timeout } => StatusCodes.Status504GatewayTimeout,
            { StatusCode: HttpStatusCode.Unauthorized } => StatusCodes.Status502BadGateway,
            { StatusCode: { } code } when (int)code >= 400 => (int)code,
            _ => StatusCodes.Status502BadGateway,
        };
        return new ProblemDetails
        {
            Status = status,
            Title = exception.Kind switch
            {
                DitioFailureKind.NoResponse => "Ditio did not answer",
                DitioFailureKind.Timeout => "Ditio did not answer in time",
                DitioFailureKind.Unsuccessful => "Ditio reported a failure",
                DitioFailureKind.InvalidResponse => "Ditio's answer could not be read",
                _ => "Ditio refused the request",
            },
            Detail = exception.ErrorMessage ?? exception.Message,
            Extensions =
            {
                ["ditioStatus"] = (int?)exception.StatusCode,
                ["ditioErrorCode"] = exception.ErrorCode,
                ["ditioErrorMessage"] = exception.ErrorMessage,
                ["ditioRequest"] = $"{exception.RequestMethod} {exception.RequestPath}",
            },
        };
    }
}
