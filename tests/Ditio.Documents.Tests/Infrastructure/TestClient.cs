using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ditio.Documents.Tests.Infrastructure;

/// <summary>Builds the SDK exactly as an application would (<c>AddDitioDocuments</c>), pointed at a <see cref="DitioWireMock"/>.</summary>
public sealed class TestClient : IDisposable
{
    private readonly ServiceProvider _provider;

    public TestClient(DitioWireMock mock, Action<DitioDocumentsOptions>? configure = null, TimeProvider? time = null, RecordingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
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

        services.AddDitioDocuments(options =>
        {
            options.ApiBaseUrl = mock.ApiBase;
            options.IdentityBaseUrl = mock.IdentityBase;
            options.ClientId = DitioWireMock.ClientId;
            options.ClientSecret = DitioWireMock.ClientSecret;
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.MaxDelay = TimeSpan.Zero;
            configure?.Invoke(options);
        });
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
