using Ditio.Documents.Internal;
using Ditio.Documents.Internal.Api;
using Ditio.Documents.Internal.Errors;
using Ditio.Documents.Internal.Http;
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

    /// <summary>
    /// Sends one call whose answer is JSON and reads the answer (see <see cref="JsonAnswers"/>). A 404 gives no content when
    /// <paramref name="notFoundAsNull"/>; any other failure becomes a <see cref="DitioApiException"/>. The returned response
    /// is disposed; its status and request are there to name in a later error.
    /// </summary>
    private async Task<(T? Content, HttpResponseMessage Response)> SendJsonAsync<T>(
        HttpMethod method,
        CallRoute route,
        Func<CancellationToken, Task<HttpResponseMessage>> call,
        CancellationToken cancellationToken,
        bool notFoundAsNull = false,
        StallWatchdog? watchdog = null)
        where T : class
    {
        var response = await SendCoreAsync(method, route, call, watchdog, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return (await ReadJsonAsync<T>(response, method, route, watchdog, cancellationToken).ConfigureAwait(false), response);
            }

            if (notFoundAsNull && response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return (null, response);
            }

            throw await ErrorOfAsync(response, method, route, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one call whose answer has no content of interest (a delete).</summary>
    private async Task SendAsync(
        HttpMethod method, CallRoute route, Func<CancellationToken, Task<HttpResponseMessage>> call, CancellationToken cancellationToken, bool idempotentDelete = false)
    {
        using var response = await SendCoreAsync(method, route, call, watchdog: null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && !(idempotentDelete && IsGoneOnRetry(response)))
        {
            throw await ErrorOfAsync(response, method, route, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(
        HttpMethod method, CallRoute route, Func<CancellationToken, Task<HttpResponseMessage>> call, StallWatchdog? watchdog, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return await call(watchdog?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ArgumentException and not ObjectDisposedException)
        {
            throw Failure(ex, method, route.ToPath(_pathPrefix), watchdog, cancellationToken);
        }
    }

    /// <summary>Reads a JSON answer; one that cannot be read or is not the JSON expected is an invalid response.</summary>
    private async Task<T> ReadJsonAsync<T>(
        HttpResponseMessage response, HttpMethod method, CallRoute route, StallWatchdog? watchdog, CancellationToken cancellationToken)
    {
        JsonAnswer<T> answer;
        try
        {
            answer = await JsonAnswers.ReadAsync(response.Content, DitioJson.TypeInfo<T>(), watchdog?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (watchdog is not null)
        {
            throw Failure(ex, method, PathOf(response, route), watchdog, cancellationToken);
        }

        return answer.Value ?? throw DitioErrors.InvalidResponse(
            response, answer.Body, method.Method, PathOf(response, route), JsonAnswers.Describe(answer.Error!), answer.Error);
    }

    private async Task<DitioApiException> ErrorOfAsync(HttpResponseMessage response, HttpMethod method, CallRoute route, CancellationToken cancellationToken)
    {
        var body = await HttpBodies.ReadErrorTextAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return DitioErrors.FromResponse(response, body, method.Method, PathOf(response, route), _time);
    }

    /// <summary>The path as sent (prefix and query included), else as the route says.</summary>
    private string PathOf(HttpResponseMessage response, CallRoute route) =>
        response.RequestMessage?.RequestUri?.PathAndQuery ?? route.ToPath(_pathPrefix);

    /// <summary>
    /// A delete answered 404 on a retry: an earlier attempt deleted the document and its answer was lost. The caller's
    /// wish holds, so it is success. A 404 on the first attempt is still an error (the id was wrong).
    /// </summary>
    private static bool IsGoneOnRetry(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.NotFound
        && response.RequestMessage?.Options.TryGetValue(DitioRequestOptions.Attempt, out var attempt) == true
        && attempt > 1;

    /// <summary>A call that ended with an exception: a stall (the watchdog fired), the caller's cancellation, or a failure.</summary>
    private static Exception Failure(Exception exception, HttpMethod method, string path, StallWatchdog? watchdog, CancellationToken cancellationToken) =>
        watchdog is { Fired: true } && !cancellationToken.IsCancellationRequested
            ? DitioErrors.Stalled(method.Method, path, watchdog.Timeout, exception)
            : DitioErrors.FromException(exception, method.Method, path, cancellationToken);
}
