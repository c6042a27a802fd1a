using Ditio.Documents.Internal;
using Ditio.Documents.Internal.Api;
using Ditio.Documents.Internal.Authentication;
using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Errors;
using Ditio.Documents.Internal.Json;
using Ditio.Documents.Internal.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ditio.Documents;

/// <summary>
/// The Ditio documents client: looks up projects and work orders, and uploads, lists, downloads and deletes their
/// documents. Get it from dependency injection (<c>services.AddDitioDocuments(...)</c>) or make one with <see cref="Create"/>.
/// </summary>
public sealed partial class DitioDocumentsClient : IDitioDocumentsClient, IDisposable
{
    private readonly DitioIntegrationApi _api;
    private readonly TimeProvider _time;
    private readonly DitioTransferOptions _transfers;
    /// <summary>How long <see cref="Dispose"/> waits for cancelled calls to end before it releases the connections.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMilliseconds(500);

    private readonly DitioRetryOptions _retry;
    private readonly long _maxResponseBytes;
    private readonly DitioErrors _errors;
    private readonly ILogger _logger;
    private readonly IDisposable? _owner;
    private readonly DitioTokenCache? _ownedTokens;
    private readonly CancellationTokenSource _lifetime = new();
    private int _running;
    private volatile bool _disposed;

    internal DitioDocumentsClient(
        DitioIntegrationApi api,
        DitioDocumentsOptions options,
        DitioErrors errors,
        TimeProvider time,
        ILogger logger,
        IDisposable? owner = null,
        DitioTokenCache? ownedTokens = null)
    {
        _api = api;
        _time = time;
        _transfers = options.Transfers;
        _retry = options.Retry;
        _maxResponseBytes = options.MaxResponseBytes;
        _errors = errors;
        _logger = logger;
        _owner = owner;
        _ownedTokens = ownedTokens;
    }

    /// <summary>Makes a client without dependency injection, for console code and scripts. Dispose it when done.</summary>
    /// <param name="options">The settings; validated now.</param>
    /// <param name="loggerFactory">Where the client logs; none if <see langword="null"/>.</param>
    /// <returns>A client with the same token cache, retries and logging as one from dependency injection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">A setting is missing or invalid; the message names it.</exception>
    public static DitioDocumentsClient Create(DitioDocumentsOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return DitioDirectClient.Create(options, loggerFactory, TimeProvider.System);
    }

    /// <summary>
    /// Ends the client: calls and transfers still running (downloads being read included) are cancelled at once and throw
    /// <see cref="ObjectDisposedException"/>; a client made with <see cref="Create"/> also releases its connections.
    /// Calls after disposal throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _lifetime.Cancel();
        if (_owner is not null)
        {
            // The pipelines this client owns wait (a second at a time) for calls still running when they are disposed:
            // let the cancelled calls, and a token renewal, end first; they usually end within milliseconds. If they
            // have not ended in time, the connections are released in the background, so Dispose still returns at once.
            _ownedTokens?.Stop();
            if (SpinWait.SpinUntil(() => Volatile.Read(ref _running) == 0 && _ownedTokens?.IsRenewing != true, DrainTimeout))
            {
                _owner.Dispose();
            }
            else
            {
                _ = Task.Run(_owner.Dispose);
            }
        }
    }

    /// <summary>
    /// The token a call runs under: the caller's, and the client's own lifetime (which <see cref="Dispose"/> ends). The
    /// call counts as running until the returned token is disposed.
    /// </summary>
    private CallToken Link(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Interlocked.Increment(ref _running);
        return cancellationToken.CanBeCanceled
            ? new CallToken(this, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token))
            : new CallToken(this, null, _lifetime.Token);
    }

    /// <summary>
    /// Sends one call whose answer is JSON and parses the answer (read whole by the call layer, under the call's timeouts
    /// and size cap). A 404 gives no content when <paramref name="notFoundAsNull"/>; any other failure becomes a
    /// <see cref="DitioException"/>, or the caller's own exception or cancellation.
    /// </summary>
    private async Task<(T? Content, System.Net.HttpStatusCode Status)> SendJsonAsync<T>(
        DitioCall call,
        Func<DitioCall, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken,
        bool notFoundAsNull = false,
        StallWatchdog? watchdog = null)
        where T : class
    {
        using var token = Link(cancellationToken);
        using var response = await SendCoreAsync(call, send, watchdog, watchdog?.Token ?? token.Token, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.IsSuccessStatusCode)
            {
                var answer = JsonAnswers.Read(response, call, DitioJson.TypeInfo<T>());
                return (answer.Value ?? throw Report(call, _errors.InvalidResponse(response, call, JsonAnswers.Describe(answer.Error!), answer.Error)), response.StatusCode);
            }

            if (notFoundAsNull && response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return (null, response.StatusCode);
            }

            throw Report(call, _errors.FromResponse(response, call));
        }
        finally
        {
            call.ReleaseAnswer();
        }
    }

    /// <summary>Sends one call whose answer has no content of interest (a delete).</summary>
    private async Task SendAsync(
        DitioCall call, Func<DitioCall, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken, bool idempotentDelete = false)
    {
        using var token = Link(cancellationToken);
        using var response = await SendCoreAsync(call, send, watchdog: null, token.Token, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!response.IsSuccessStatusCode && !(idempotentDelete && IsGoneOnRetry(response, call)))
            {
                throw Report(call, _errors.FromResponse(response, call));
            }
        }
        finally
        {
            call.ReleaseAnswer();
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(
        DitioCall call, Func<DitioCall, CancellationToken, Task<HttpResponseMessage>> send, StallWatchdog? watchdog, CancellationToken sendToken, CancellationToken callerToken)
    {
        try
        {
            return await send(call, sendToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ArgumentException)
        {
            throw Failure(ex, call, watchdog, callerToken);
        }
    }

    /// <summary>
    /// What a call that ended with an exception throws, in this order: the caller's own exception as it was thrown; the
    /// caller's cancellation; <see cref="ObjectDisposedException"/> if the client was disposed; a stall; else Ditio's failure.
    /// </summary>
    private Exception Failure(Exception exception, DitioCall call, StallWatchdog? watchdog, CancellationToken callerToken)
    {
        call.ThrowIfCallerFault();
        if (callerToken.IsCancellationRequested)
        {
            return CallerCancelled(exception, callerToken);
        }

        if (_disposed)
        {
            return new ObjectDisposedException(nameof(DitioDocumentsClient), $"The Ditio client was disposed while {call.Operation} was running.");
        }

        return Report(call, watchdog is { Fired: true }
            ? DitioErrors.Stalled(call.Method ?? "?", call.PathOrOperation, watchdog.Timeout, exception)
            : exception as DitioException ?? _errors.FromException(exception, call));
    }

    /// <summary>
    /// The caller's cancellation as the caller can recognise it: carrying the caller's own token (the layers below saw
    /// a token linked to it), of the type thrown, with what was thrown inside.
    /// </summary>
    private static OperationCanceledException CallerCancelled(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException cancelled when cancelled.CancellationToken == callerToken => cancelled,
#if NET
        TaskCanceledException cancelled => new TaskCanceledException(cancelled.Message, cancelled, callerToken),
#endif
        _ => new OperationCanceledException((exception as OperationCanceledException)?.Message ?? "The operation was canceled.", exception, callerToken),
    };

    /// <summary>
    /// The one log line of a failed operation (attempt-level lines are at Debug), and the request id and operation on
    /// its exception; returns the exception to throw.
    /// </summary>
    private TException Report<TException>(DitioCall call, TException exception)
        where TException : DitioException
    {
        Log.OperationFailed(_logger, call.Operation, exception.Message);
        return Internal.Telemetry.RequestIds.Stamp(exception, call.Operation, call.AnswerHeaders, _errors.Scrubber);
    }

    /// <inheritdoc cref="Report{TException}(DitioCall, TException)"/>
    private TException Report<TException>(string operation, TException exception)
        where TException : DitioException
    {
        Log.OperationFailed(_logger, operation, exception.Message);
        return Internal.Telemetry.RequestIds.Stamp(exception, operation, null, _errors.Scrubber);
    }

    /// <summary>
    /// A delete answered 404 on a retry: an earlier attempt deleted the document and its answer was lost. The caller's
    /// wish holds, so it is success. A 404 on the first attempt is still an error (the id was wrong).
    /// </summary>
    private static bool IsGoneOnRetry(HttpResponseMessage response, DitioCall call) =>
        response.StatusCode == System.Net.HttpStatusCode.NotFound && call.Attempts > 1;

    /// <summary>A call's cancellation token (linked to the caller's when there is one to link), and its place in the count of running calls.</summary>
    private readonly struct CallToken(DitioDocumentsClient client, CancellationTokenSource? linked, CancellationToken token = default) : IDisposable
    {
        public CancellationToken Token => linked?.Token ?? token;

        public void Dispose()
        {
            linked?.Dispose();
            Interlocked.Decrement(ref client._running);
        }
    }
}
