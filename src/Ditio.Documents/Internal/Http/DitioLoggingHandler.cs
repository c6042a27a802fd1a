using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// Logs each attempt at Debug: method, path, status, duration and attempt number. Sits inside the retry handler,
/// outside the token handler, so it never sees (and never logs) the Authorization header.
/// </summary>
internal sealed class DitioLoggingHandler(ILogger logger, TimeProvider timeProvider) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Counted whether or not Debug is on: a delete that finds its document gone on a retry needs to know.
        var attempt = request.Options.TryGetValue(DitioRequestOptions.Attempt, out var previous) ? previous + 1 : 1;
        request.Options.Set(DitioRequestOptions.Attempt, attempt);
        return logger.IsEnabled(LogLevel.Debug) ? SendLoggedAsync(request, attempt, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

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
