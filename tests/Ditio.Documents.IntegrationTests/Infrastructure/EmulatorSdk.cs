using Ditio.Documents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.IntegrationTests.Infrastructure;

/// <summary>A started emulator and the SDK registered against it with <c>AddDitioDocuments</c>, as an application would.</summary>
public sealed class EmulatorSdk : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private EmulatorSdk(DitioEmulator emulator, ServiceProvider provider)
    {
        Emulator = emulator;
        _provider = provider;
        Client = provider.GetRequiredService<IDitioDocumentsClient>();
    }

    public DitioEmulator Emulator { get; }

    public IDitioDocumentsClient Client { get; }

    public DocumentTarget Project { get; } = DocumentTarget.Project(DitioEmulator.SampleProjectId);

    public DocumentTarget WorkOrder { get; } = DocumentTarget.WorkOrder(DitioEmulator.SampleWorkOrderId);

    /// <summary>Starts an emulator and an SDK client. Retries wait no time by default, so fault tests stay fast.</summary>
    public static async Task<EmulatorSdk> StartAsync(
        Action<DitioDocumentsOptions>? configure = null,
        Action<DitioEmulatorOptions>? emulatorOptions = null,
        TimeProvider? time = null,
        ILoggerProvider? logs = null)
    {
        var options = new DitioEmulatorOptions();
        emulatorOptions?.Invoke(options);
        var emulator = await DitioEmulator.StartAsync(options);
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddDitioDocuments(o =>
        {
            emulator.Configure(o);
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        return new EmulatorSdk(emulator, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
