using System.Net;
using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Errors;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// The one resilience pipeline of each Ditio HttpClient, in the standard order of Microsoft.Extensions.Http.Resilience
/// (total timeout, retry, attempt timeout; the total kept by <see cref="DitioDeadline"/> without a timer): retry, then
/// a timeout per attempt. Every decision reads the request's <see cref="DitioCall"/>, and every callback is pure: whether
/// to retry and how long to wait are both computed from the outcome and the call. Transfers have no timeout here: they
/// run until done or cancelled, or until their stall watchdog fires.
/// </summary>
internal static class DitioResilience
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, DitioRetryOptions retry, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(DitioDocumentsRegistration.LoggerCategory);
        pipeline.TimeProvider = time;

        // Polly's own lines about each attempt are attempt-level detail: Debug, never above. With nowhere to log them
        // (a client made with Create and no logger factory), Polly's telemetry is not set up at all: a first call saves
        // its start-up, and the SDK's own metrics (ditio.documents.retries) still count the retries.
        if (loggers is not Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory)
        {
            pipeline.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = loggers, SeverityProvider = static _ => ResilienceEventSeverity.Debug });
        }
        if (retry.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "Ditio.Retry",
                MaxRetryAttempts = retry.MaxRetryAttempts,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, CallOf(args.Context), args.AttemptNumber, retry, time)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Wait(args.Outcome, CallOf(args.Context), args.AttemptNumber, retry, time)),
                OnRetry = args =>
                {
                    var call = CallOf(args.Context);
                    call?.GrantRetry();
                    Telemetry.DitioTelemetry.Retried(call?.Operation);
                    LogRetry(logger, args);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "Ditio.AttemptTimeout",
            TimeoutGenerator = args => ValueTask.FromResult(
                CallOf(args.Context) is { IsTransfer: false } call ? DitioDeadline.AttemptTimeout(call, retry, time) : Timeout.InfiniteTimeSpan),
        });
    }

    /// <summary>Whether to retry: a retryable outcome (<see cref="IsRetryable"/>) whose wait ends before the call's deadline.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, DitioCall? call, int attemptNumber, DitioRetryOptions retry, TimeProvider time)
    {
        // The common case first, and cheaply: an answer that is not an error is never retried.
        if (outcome.Result is { StatusCode: < HttpStatusCode.BadRequest } || call is null)
        {
            return false;
        }

        var retryAfter = outcome.Result is { } response ? DitioErrors.RetryAfter(response.Headers, time) : null;
        return IsRetryable(outcome, call, retryAfter, retry)
            && DitioDeadline.Allows(call, retryAfter ?? Backoff(attemptNumber, call, retry), retry, time);
    }

    /// <summary>The wait before the next attempt: the <c>Retry-After</c> the server asked for, else <see cref="Backoff"/>.</summary>
    internal static TimeSpan Wait(Outcome<HttpResponseMessage> outcome, DitioCall? call, int attemptNumber, DitioRetryOptions retry, TimeProvider time) =>
        (outcome.Result is { } response ? DitioErrors.RetryAfter(response.Headers, time) : null)
        ?? Backoff(attemptNumber, call, retry);

    /// <summary>
    /// The wait before retry number <paramref name="attemptNumber"/> + 1: <see cref="DitioRetryOptions.BaseDelay"/>
    /// doubled at each retry, up to <see cref="DitioRetryOptions.MaxDelay"/>, each wait varied by up to 20 % either way
    /// (fixed per call and attempt, so every reader agrees) so that many clients do not retry in step.
    /// </summary>
    internal static TimeSpan Backoff(int attemptNumber, DitioCall? call, DitioRetryOptions retry)
    {
        var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
        var jittered = exponential * (0.8 + (0.4 * (call?.Jitter(attemptNumber) ?? 0.5)));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, retry.MaxDelay.TotalMilliseconds));
    }

    /// <summary>
    /// Retries 408, 429, 5xx, timeouts, connection failures and answers that broke off, but never in a way that could
    /// store a document twice: a non-replacing upload is retried only when the server refused it unprocessed (429) or the
    /// connection was never made; a forward-only body is never sent again; the caller's own fault is never retried; a
    /// <c>Retry-After</c> beyond the limit ends the retries.
    /// </summary>
    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome, DitioCall call, TimeSpan? retryAfter, DitioRetryOptions retry)
    {
        if (call.CallerFault is not null || !call.IsReplayable)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                DitioAnswerException answer => answer.IsTransient && call.IsIdempotent,
                HttpRequestException http => call.IsIdempotent || NeverSent(http),
                TimeoutRejectedException => call.IsIdempotent,
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
            408 or >= 500 => call.IsIdempotent,
            _ => false,
        };
    }

    private static DitioCall? CallOf(ResilienceContext context) => DitioCall.Of(context.GetRequestMessage());

    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        var call = CallOf(args.Context);
        var outcome = args.Outcome.Exception?.GetType().Name
            ?? $"{(int)(args.Outcome.Result?.StatusCode ?? HttpStatusCode.OK)} {args.Outcome.Result?.StatusCode}";
        Log.Retrying(logger, call?.Method ?? "?", call?.Path ?? "?", args.RetryDelay.TotalMilliseconds, outcome, args.AttemptNumber + 1);
    }
}
