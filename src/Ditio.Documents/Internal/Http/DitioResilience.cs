using System.Net;
using Ditio.Documents.Internal.Errors;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// The one resilience pipeline of each Ditio HttpClient: retry and attempt timeout, inside the total timeout of
/// <see cref="DitioTotalTimeoutHandler"/>. Transfers (uploads and downloads) have neither timeout: they run until done or
/// cancelled by the caller, or until their stall watchdog fires.
/// </summary>
internal static class DitioResilience
{
    /// <summary>Retry, then attempt timeout (cut to the time left of the total timeout).</summary>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, DitioRetryOptions retry, TimeProvider time, ILogger logger)
    {
        pipeline.TimeProvider = time;
        if (retry.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "Ditio.Retry",
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, retry, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay(args.Outcome, time)),
                OnRetry = args =>
                {
                    DitioTotalTimeoutHandler.ArmBeforeRetry(args.Context.GetRequestMessage());
                    LogRetry(logger, args);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "Ditio.AttemptTimeout",
            TimeoutGenerator = args => ValueTask.FromResult(AttemptTimeoutFor(args.Context.GetRequestMessage(), retry.AttemptTimeout)),
        });
    }

    /// <summary>
    /// Retries 408, 429, 5xx, timeouts and connection failures, but never in a way that could store a document twice:
    /// a non-replacing upload is retried only when the server refused it unprocessed (429) or the connection was never
    /// made; a forward-only body is never retried; a <c>Retry-After</c> beyond the limit ends the retries.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, DitioRetryOptions retry, TimeProvider time)
    {
        var request = context.GetRequestMessage();
        if ((request is not null && !DitioRequestOptions.IsReplayable(request)) || DitioTotalTimeoutHandler.IsSpent(request))
        {
            return false;
        }

        var idempotent = request is null || DitioRequestOptions.IsIdempotent(request);
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException http => idempotent || NeverSent(http),
                TimeoutRejectedException => idempotent,
                _ => false,
            };
        }

        var response = outcome.Result!;
        if (DitioErrors.RetryAfter(response.Headers, time) > retry.MaxRetryAfter)
        {
            return false;
        }

        return (int)response.StatusCode switch
        {
            429 => true,
            408 or >= 500 => idempotent,
            _ => false,
        };
    }

    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static TimeSpan? RetryAfterDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time) =>
        outcome.Result is { } response ? DitioErrors.RetryAfter(response.Headers, time) : null;

    private static TimeSpan AttemptTimeoutFor(HttpRequestMessage? request, TimeSpan limit) =>
        request is not null && DitioRequestOptions.IsTransfer(request)
            ? Timeout.InfiniteTimeSpan
            : DitioTotalTimeoutHandler.AttemptTimeout(request, limit);

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        var outcome = args.Outcome.Exception?.GetType().Name
            ?? $"{(int)(args.Outcome.Result?.StatusCode ?? HttpStatusCode.OK)} {args.Outcome.Result?.StatusCode}";
        Log.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.PathAndQuery ?? "?", args.RetryDelay.TotalMilliseconds, outcome, args.AttemptNumber + 1);
    }
}
