using Ditio.Documents.Internal.Calls;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// Logs each attempt at Debug: method, path, status, duration and attempt number (counted on the <see cref="DitioCall"/>).
/// Sits inside the retry handler, outside the token handler, so it never sees (and never logs) the Authorization header.
/// </summary>
internal sealed class DitioLoggingHandler(ILogger logger, TimeProvider timeProvider) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        logger.IsEnabled(LogLevel.Debug)
            ? SendLoggedAsync(request, DitioCall.Of(request)?.Attempts ?? 1, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, int attempt, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var path = request.RequestUri?.PathAndQuery ?? "";
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Log.CallCompleted(logger, method, path, (int)response.StatusCode, timeProvider.GetElapsedTime(started).TotalMilliseconds, attempt);
            return response;
        }
        catch (Exception ex) when (ex is not DitioException)
        {
            Log.CallFailed(logger, method, path, ex.GetType().Name, timeProvider.GetElapsedTime(started).TotalMilliseconds, attempt);
            throw;
        }
    }
}
