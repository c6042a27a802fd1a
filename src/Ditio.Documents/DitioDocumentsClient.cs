using Ditio.Documents.Internal;
using Ditio.Documents.Internal.Api;
using Ditio.Documents.Internal.Errors;
using Ditio.Documents.Internal.Http;
using Ditio.Documents.Internal.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Ditio.Documents;

/// <summary>
/// The Ditio documents client: looks up projects and work orders, and uploads, lists, downloads and deletes their
/// documents. Get it from dependency injection (<c>services.AddDitioDocuments(...)</c>) or make one with <see cref="Create"/>.
/// </summary>
public sealed partial class DitioDocumentsClient : IDitioDocumentsClient, IDisposable
{
    private readonly IDitioIntegrationApi _api;
    private readonly TimeProvider _time;
    private readonly DitioTransferOptions _transfers;
    private readonly DitioRetryOptions _retry;
    private readonly string _pathPrefix;
    private readonly IDisposable? _owner;
    private volatile bool _disposed;

    internal DitioDocumentsClient(IDitioIntegrationApi api, DitioDocumentsOptions options, TimeProvider time, IDisposable? owner = null)
    {
        _api = api;
        _time = time;
        _transfers = options.Transfers;
        _retry = options.Retry;

        // Routes are relative to the API base; errors name the path as sent, prefix (such as /core) included.
        _pathPrefix = options.EffectiveApiBaseUrl.AbsolutePath.TrimEnd('/');
        _owner = owner;
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
        var services = new ServiceCollection();
        if (loggerFactory is not null)
        {
            services.AddSingleton(loggerFactory);
        }

        services.AddDitioDocuments(options.CopyTo);
        var provider = services.BuildServiceProvider();
        try
        {
            return DitioDocumentsRegistration.CreateClient(provider, Options.DefaultName, owner: provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Releases the connections of a client made with <see cref="Create"/>. Calls after disposal throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _owner?.Dispose();
    }

    private async Task<(T? Content, System.Net.HttpStatusCode Status, string Path)> SendAsync<T>(
        HttpMethod method,
        string route,
        Func<CancellationToken, Task<IApiResponse<T>>> call,
        CancellationToken cancellationToken,
        bool notFoundAsNull = false,
        StallWatchdog? watchdog = null)
        where T : class
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        route = _pathPrefix + route;
        IApiResponse<T> response;
        try
        {
            response = await call(watchdog?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ArgumentException and not ObjectDisposedException)
        {
            throw Failure(ex, method, route, watchdog, cancellationToken);
        }

        using (response)
        {
            var path = response.RequestMessage?.RequestUri?.PathAndQuery ?? route;
            if (response.Error is ApiRequestException requestError)
            {
                throw Failure(requestError, method, path, watchdog, cancellationToken);
            }

            if (notFoundAsNull && response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return (null, System.Net.HttpStatusCode.NotFound, path);
            }

            if (!response.IsSuccessful || response.Content is null)
            {
                throw DitioErrors.FromApiResponse(response, method.Method, path, _time);
            }

            return (response.Content, response.StatusCode.GetValueOrDefault(), path);
        }
    }

    /// <summary>
    /// A delete answered 404 on a retry: an earlier attempt deleted the document and its answer was lost. The caller's
    /// wish holds, so it is success. A 404 on the first attempt is still an error (the id was wrong).
    /// </summary>
    private static bool IsGoneOnRetry(IApiResponse response) =>
        response.StatusCode == System.Net.HttpStatusCode.NotFound
        && response.RequestMessage?.Options.TryGetValue(DitioRequestOptions.Attempt, out var attempt) == true
        && attempt > 1;

    /// <summary>A call that ended with an exception: a stall (the watchdog fired), the caller's cancellation, or a failure.</summary>
    private static Exception Failure(Exception exception, HttpMethod method, string path, StallWatchdog? watchdog, CancellationToken cancellationToken) =>
        watchdog is { Fired: true } && !cancellationToken.IsCancellationRequested
            ? DitioErrors.Stalled(method.Method, path, watchdog.Timeout, exception)
            : DitioErrors.FromException(exception, method.Method, path, cancellationToken);

    private async Task SendAsync(
        HttpMethod method, string route, Func<CancellationToken, Task<IApiResponse>> call, CancellationToken cancellationToken, bool idempotentDelete = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        route = _pathPrefix + route;
        IApiResponse response;
        try
        {
            response = await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ArgumentException and not ObjectDisposedException)
        {
            throw DitioErrors.FromException(ex, method.Method, route, cancellationToken);
        }

        using (response)
        {
            var path = response.RequestMessage?.RequestUri?.PathAndQuery ?? route;
            if (response.Error is ApiRequestException requestError)
            {
                throw DitioErrors.FromException(requestError, method.Method, path, cancellationToken);
            }

            if (!response.IsSuccessStatusCode && !(idempotentDelete && IsGoneOnRetry(response)))
            {
                throw DitioErrors.FromApiResponse(response, method.Method, path, _time);
            }
        }
    }
}
