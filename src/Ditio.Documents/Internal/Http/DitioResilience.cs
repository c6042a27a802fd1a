using System.Net;
using Ditio.Documents.Internal.Errors;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// The one resilience pipeline of each Ditio HttpClient: total timeout, retry, attempt timeout. Transfers (uploads and
/// downloads) have neither timeout: they run until done or cancelled by the caller.
/// </summary>
internal static class DitioResilience
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, DitioRetryOptions retry, TimeProvider time, ILogger logger)
    {
        pipeline.TimeProvider = time;
        pipeline.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "Ditio.TotalTimeout",
            TimeoutGenerator = args => ValueTask.FromResult(TimeoutFor(args.Context, retry.TotalTimeout)),
        });

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
                    LogRetry(logger, args);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "Ditio.AttemptTimeout",
            TimeoutGenerator = args => ValueTask.FromResult(TimeoutFor(args.Context, retry.AttemptTimeout)),
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

    private static TimeSpan TimeoutFor(ResilienceContext context, TimeSpan limit) =>
        context.GetRequestMessage() is { } request && DitioRequestOptions.IsTransfer(request) ? Timeout.InfiniteTimeSpan : limit;

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        var outcome = args.Outcome.Exception?.GetType().Name
            ?? $"{(int)(args.Outcome.Result?.StatusCode ?? HttpStatusCode.OK)} {args.Outcome.Result?.StatusCode}";
        Log.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.PathAndQuery ?? "?", args.RetryDelay.TotalMilliseconds, outcome, args.AttemptNumber + 1);
    }
}
