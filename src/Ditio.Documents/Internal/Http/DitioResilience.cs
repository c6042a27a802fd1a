using System.Net;
using Ditio.Documents.Internal.Errors;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// The one resilience pipeline of each Ditio HttpClient: retry, and a timeout per attempt, both kept within the call's
/// total timeout (<see cref="DitioDeadline"/>). Transfers (uploads and downloads) have neither timeout: they run until
/// done or cancelled by the caller, or until their stall watchdog fires.
/// </summary>
internal static class DitioResilience
{
    private static readonly ResiliencePropertyKey<TimeSpan> WaitKey = new("Ditio.RetryWait");

    /// <summary>Retry (waits chosen by <see cref="ShouldRetry"/>), then the attempt timeout.</summary>
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
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber, retry, time)),
                DelayGenerator = args => ValueTask.FromResult(args.Context.Properties.TryGetValue(WaitKey, out var wait) ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    LogRetry(logger, args);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "Ditio.AttemptTimeout",
            TimeoutGenerator = args => ValueTask.FromResult(
                args.Context.GetRequestMessage() is { } request && DitioRequestOptions.IsTransfer(request)
                    ? Timeout.InfiniteTimeSpan
                    : DitioDeadline.AttemptTimeout(args.Context, retry, time)),
        });
    }

    /// <summary>
    /// Whether to retry, and if so after how long (kept on the context for the retry's wait): the <c>Retry-After</c> the
    /// server asked for, else <see cref="Backoff"/>. No retry whose wait would end past the call's total timeout.
    /// </summary>
    internal static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber, DitioRetryOptions retry, TimeProvider time)
    {
        // The common case first, and cheaply: an answer that is not an error is never retried.
        if (outcome.Result is { StatusCode: < HttpStatusCode.BadRequest })
        {
            return false;
        }

        var retryAfter = outcome.Result is { } response ? DitioErrors.RetryAfter(response.Headers, time) : null;
        if (!IsRetryable(outcome, context, retryAfter, retry))
        {
            return false;
        }

        var wait = retryAfter ?? Backoff(attemptNumber, retry);
        if (!DitioDeadline.Allows(context, wait, retry, time))
        {
            return false;
        }

        context.Properties.Set(WaitKey, wait);
        return true;
    }

    /// <summary>
    /// The wait before retry number <paramref name="attemptNumber"/> + 1: <see cref="DitioRetryOptions.BaseDelay"/>
    /// doubled at each retry, up to <see cref="DitioRetryOptions.MaxDelay"/>, each wait varied by up to 20 % either way
    /// so that many clients do not retry in step.
    /// </summary>
    internal static TimeSpan Backoff(int attemptNumber, DitioRetryOptions retry)
    {
        var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
        var jittered = exponential * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, retry.MaxDelay.TotalMilliseconds));
    }

    /// <summary>
    /// Retries 408, 429, 5xx, timeouts and connection failures, but never in a way that could store a document twice:
    /// a non-replacing upload is retried only when the server refused it unprocessed (429) or the connection was never
    /// made; a forward-only body is never retried; a <c>Retry-After</c> beyond the limit ends the retries.
    /// </summary>
    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan? retryAfter, DitioRetryOptions retry)
    {
        var request = context.GetRequestMessage();
        if (request is not null && !DitioRequestOptions.IsReplayable(request))
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

        if (retryAfter > retry.MaxRetryAfter)
        {
            return false;
        }

        return (int)outcome.Result!.StatusCode switch
        {
            429 => true,
            408 or >= 500 => idempotent,
            _ => false,
        };
    }

    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        var outcome = args.Outcome.Exception?.GetType().Name
            ?? $"{(int)(args.Outcome.Result?.StatusCode ?? HttpStatusCode.OK)} {args.Outcome.Result?.StatusCode}";
        Log.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.PathAndQuery ?? "?", args.RetryDelay.TotalMilliseconds, outcome, args.AttemptNumber + 1);
    }
}
