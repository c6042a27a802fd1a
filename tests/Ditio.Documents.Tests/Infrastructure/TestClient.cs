using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ditio.Documents.Tests.Infrastructure;

/// <summary>Builds the SDK exactly as an application would (<c>AddDitioDocuments</c>), pointed at a <see cref="DitioWireMock"/>.</summary>
public sealed class TestClient : IDisposable
{
    private readonly ServiceProvider _provider;

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
            options.ApiBaseUrl = mock.ApiBase;
            options.IdentityBaseUrl = mock.IdentityBase;
            options.ClientId = DitioWireMock.ClientId;
            options.ClientSecret = DitioWireMock.ClientSecret;
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.MaxDelay = TimeSpan.Zero;
            configure?.Invoke(options);
        });
        appAfter?.Invoke(services, builder);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Client = _provider.GetRequiredService<IDitioDocumentsClient>();
    }

    public IDitioDocumentsClient Client { get; }

    public IServiceProvider Services => _provider;

    /// <summary>
    /// Disposes the client, failing (not hanging) if that takes more than 10 s: Polly's pipelines wait for running calls
    /// as they go, so a call a broken SDK left waiting forever (on fake time, say) would otherwise hang the test run.
    /// </summary>
    public void Dispose()
    {
        var disposing = Task.Run(_provider.Dispose);
        if (!disposing.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The client did not dispose within 10 s: a call it made is still running.");
        }
    }
}

public static class TestTime
{
    public static FakeTimeProvider Fake() => new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
}
