using Ditio.Documents.AspNetSample;
using Ditio.Documents.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.IntegrationTests.Samples;

/// <summary>
/// The ASP.NET Core sample running for real on 127.0.0.1 (built by <see cref="SampleApp.Build"/>, as its Program does),
/// configured with an emulator's URLs and credentials, and an HttpClient that calls it.
/// </summary>
public sealed class AspNetSampleHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AspNetSampleHost(DitioEmulator emulator, WebApplication app, TransportProbe transport)
    {
        Emulator = emulator;
        _app = app;
        Transport = transport;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public DitioEmulator Emulator { get; }

    /// <summary>Gets the probe on the sample's outgoing connections (to the emulator).</summary>
    public TransportProbe Transport { get; }

    /// <summary>Gets a client of the sample.</summary>
    public HttpClient Http { get; }

    /// <param name="settings">Changes to the sample's configuration, after the emulator's settings are in.</param>
    public static async Task<AspNetSampleHost> StartAsync(Action<Dictionary<string, string?>>? settings = null)
    {
        var emulator = await DitioEmulator.StartAsync();
        try
        {
            var config = new Dictionary<string, string?>
            {
                ["Ditio:ApiBaseUrl"] = emulator.ApiBaseUrl.AbsoluteUri,
                ["Ditio:IdentityBaseUrl"] = emulator.IdentityBaseUrl.AbsoluteUri,
                ["Ditio:ClientId"] = emulator.ClientId,
                ["Ditio:ClientSecret"] = emulator.ClientSecret,
                ["Ditio:Retry:BaseDelay"] = "00:00:00",
                ["Ditio:Retry:MaxDelay"] = "00:00:00",
            };
            settings?.Invoke(config);
            var transport = new TransportProbe();
            var app = SampleApp.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(config);
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();

                // Count and inspect what the SDK puts on the wire, below all of its handlers. Registered after the
                // sample's AddDitioDocuments, so it replaces the SDK's own primary handler on every client.
                builder.Services.ConfigureAll<Microsoft.Extensions.Http.HttpClientFactoryOptions>(options =>
                    options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = transport.CreateHandler()));

                // Make any buffering form read fail loudly: the upload endpoint must never call ReadFormAsync or bind IFormFile.
                builder.Services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, NoFormReadingStartupFilter>();
            });
            await app.StartAsync();
            return new AspNetSampleHost(emulator, app, transport);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private sealed class NoFormReadingStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Features.Set<IFormFeature>(new NoFormFeature(context.Request));
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>An <see cref="IFormFeature"/> that refuses to read the form, so buffering the upload fails the test.</summary>
    private sealed class NoFormFeature(HttpRequest request) : IFormFeature
    {
        public bool HasFormContentType =>
            request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
            || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

        public IFormCollection? Form
        {
            get => throw Refused();
            set => throw Refused();
        }

        public IFormCollection ReadForm() => throw Refused();

        public Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken) => throw Refused();

        private static InvalidOperationException Refused() =>
            new("The sample read the form (ReadFormAsync / IFormFile), which buffers the whole upload: it must stream with MultipartReader.");
    }
}
