using System.Net;
using Ditio.Documents.Internal.Calls;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Internal.Authentication;

/// <summary>
/// Puts the cached bearer token on every request. On a 401 it renews the token once and sends once more; a second
/// 401 goes back to the caller (the API client may be disabled or have lost its scope), never a loop.
/// </summary>
internal sealed class DitioBearerTokenHandler(DitioTokenCache tokens, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.Header;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || DitioCall.Of(request) is { IsReplayable: false })
        {
            return response;
        }

        response.Dispose();
        Log.RenewingAfterUnauthorized(logger, request.Method.Method, request.RequestUri?.PathAndQuery ?? "");
        var renewed = await tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = renewed.Header;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
