using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ditio.Documents.Tests.Infrastructure;

/// <summary>
/// Builds the SDK exactly as an application would, pointed at a <see cref="DitioWireMock"/>: through
/// <c>AddDitioDocuments</c>, or, in the build of this suite that defines <c>DITIO_TESTS_CREATE</c>
/// (tests/Ditio.Documents.Tests.Create), through <see cref="DitioDocumentsClient.Create"/> wherever the test does not
/// register anything of the application's own.
/// </summary>
public sealed class TestClient : IDisposable
{
    private readonly ServiceProvider? _provider;
#if DITIO_TESTS_CREATE
    private readonly DitioDocumentsClient? _created;
    private readonly ILoggerFactory? _loggers;
#endif

    /// <param name="mock">The identity (and, unless <paramref name="configure"/> moves it, the API) server.</param>
    /// <param name="configure">Changes to the options.</param>
    /// <param name="time">The time the SDK sees.</param>
    /// <param name="logs">Where the logs go (every category, Trace and up).</param>
    /// <param name="app">What the application registers before <c>AddDitioDocuments</c>.</param>
    /// <param name="appAfter">What the application registers after it (given the SDK's builder).</param>
    public TestClient(
        DitioWireMock mock,
        Action<DitioDocumentsOptions>? configure = null,
        TimeProvider? time = null,
        RecordingLoggerProvider? logs = null,
        Action<IServiceCollection>? app = null,
        Action<IServiceCollection, DitioDocumentsBuilder>? appAfter = null)
    {
#if DITIO_TESTS_CREATE
        if (app is null && appAfter is null)
        {
            _loggers = LoggerFactory.Create(builder =>
            {
                builder.SetMinimumLevel(LogLevel.Trace);
                if (logs is not null)
                {
                    builder.AddProvider(logs);
                }
            });
            var options = new DitioDocumentsOptions();
            Defaults(options, mock);
            configure?.Invoke(options);
            Client = _created = Internal.DitioDirectClient.Create(options, _loggers, time ?? TimeProvider.System);
            return;
        }

#endif
        var services = new ServiceCollection();
        app?.Invoke(services);
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var builder = services.AddDitioDocuments(options =>
        {
            Defaults(options, mock);
            configure?.Invoke(options);
        });
        appAfter?.Invoke(services, builder);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Client = _provider.GetRequiredService<IDitioDocumentsClient>();
    }

    public IDitioDocumentsClient Client { get; }

    /// <summary>Gets the application's services (only for a client from dependency injection: pass <c>app</c> to get one in every build).</summary>
    public IServiceProvider Services => _provider ?? throw new InvalidOperationException("This client was made with DitioDocumentsClient.Create: it has no services.");

    /// <summary>
    /// Disposes the client, failing (not hanging) if that takes more than 10 s: Polly's pipelines wait for running calls
    /// as they go, so a call a broken SDK left waiting forever (on fake time, say) would otherwise hang the test run.
    /// </summary>
    public void Dispose()
    {
        var disposing = Task.Run(() =>
        {
#if DITIO_TESTS_CREATE
            _created?.Dispose();
            _loggers?.Dispose();
#endif
            _provider?.Dispose();
        });
        if (!disposing.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The client did not dispose within 10 s: a call it made is still running.");
        }
    }

    private static void Defaults(DitioDocumentsOptions options, DitioWireMock mock)
    {
        options.ApiBaseUrl = mock.ApiBase;
        options.IdentityBaseUrl = mock.IdentityBase;
        options.ClientId = DitioWireMock.ClientId;
        options.ClientSecret = DitioWireMock.ClientSecret;
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
    }
}

public static class TestTime
{
    public static FakeTimeProvider Fake() => new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
}
