using Ditio.Documents.Internal.Api;
using Ditio.Documents.Internal.Authentication;
using Ditio.Documents.Internal.Http;
using Ditio.Documents.Internal.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;

namespace Ditio.Documents.Internal;

/// <summary>
/// The one place every <c>AddDitioDocuments</c> overload forwards to. Per registration name: validated named options,
/// a singleton token cache, an identity HttpClient (resilience) and an API HttpClient
/// (resilience → logging → bearer token → primary handler), and the client.
/// </summary>
internal static class DitioDocumentsRegistration
{
    public const string LoggerCategory = "Ditio.Documents";

    private static readonly RefitSettings RefitSettings = new(new SystemTextJsonContentSerializer(DitioJson.Options));

    public static DitioDocumentsBuilder Add(IServiceCollection services, string name, Action<OptionsBuilder<DitioDocumentsOptions>> bind)
    {
        if (services.Any(d => d.ServiceType == typeof(RegistrationMarker) && Equals(d.ImplementationInstance, new RegistrationMarker(name))))
        {
            throw new InvalidOperationException(name.Length == 0
                ? "AddDitioDocuments was already called: register a second Ditio client under a name with AddDitioDocuments(name, ...)."
                : $"AddDitioDocuments was already called for the name '{name}'.");
        }

        services.AddSingleton(new RegistrationMarker(name));
        bind(services.AddOptions<DitioDocumentsOptions>(name).ValidateOnStart());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DitioDocumentsOptions>, DitioDocumentsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var names = new ClientNames(name);
        services.AddKeyedSingleton(names.Key, (sp, _) => new DitioTokenCache(
            () => new DitioTokenClient(RestService.For<IDitioIdentityApi>(CreateHttpClient(sp, names.Identity), RefitSettings), OptionsOf(sp, name)),
            OptionsOf(sp, name),
            sp.GetRequiredService<TimeProvider>(),
            LoggerOf(sp)));

        // The SDK logs each attempt itself (method, path, status, duration, attempt); HttpClientFactory's own loggers
        // would repeat that at a cost on every call. Header values stay redacted should an app add them back.
        var identity = services.AddHttpClient(names.Identity, (sp, http) => Configure(http, OptionsOf(sp, name).EffectiveIdentityBaseUrl))
            .ConfigurePrimaryHttpMessageHandler(sp => DitioPrimaryHandler.Create(OptionsOf(sp, name).Transfers))
            .RemoveAllLoggers()
            .RedactLoggedHeaders(static _ => true);
        AddResilience(identity, name);

        var api = services.AddHttpClient(names.Api, (sp, http) => Configure(http, OptionsOf(sp, name).EffectiveApiBaseUrl))
            .ConfigurePrimaryHttpMessageHandler(sp => DitioPrimaryHandler.Create(OptionsOf(sp, name).Transfers))
            .RemoveAllLoggers()
            .RedactLoggedHeaders(static _ => true);
        AddResilience(api, name);
        api.AddHttpMessageHandler(sp => new DitioLoggingHandler(LoggerOf(sp), sp.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(sp => new DitioBearerTokenHandler(sp.GetRequiredKeyedService<DitioTokenCache>(names.Key), LoggerOf(sp)));

        if (name.Length == 0)
        {
            services.AddTransient(sp => CreateApi(sp, names));
            services.AddTransient<IDitioDocumentsClient>(sp => CreateClient(sp, name));
        }
        else
        {
            services.AddKeyedTransient(names.Key, (sp, _) => CreateApi(sp, names));
            services.AddKeyedTransient<IDitioDocumentsClient>(name, (sp, _) => CreateClient(sp, name));
        }

        return new DitioDocumentsBuilder(name, services, api, identity);
    }

    public static DitioDocumentsClient CreateClient(IServiceProvider services, string name, IDisposable? owner = null)
    {
        return new DitioDocumentsClient(CreateApi(services, new ClientNames(name)), OptionsOf(services, name), services.GetRequiredService<TimeProvider>(), owner);
    }

    private static IDitioIntegrationApi CreateApi(IServiceProvider services, ClientNames names) =>
        RestService.For<IDitioIntegrationApi>(CreateHttpClient(services, names.Api), RefitSettings);

    private static HttpClient CreateHttpClient(IServiceProvider services, string clientName) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);

    private static void AddResilience(IHttpClientBuilder client, string name) =>
        client.AddResilienceHandler("Ditio", (pipeline, context) => DitioResilience.Configure(
            pipeline,
            OptionsOf(context.ServiceProvider, name).Retry,
            context.ServiceProvider.GetRequiredService<TimeProvider>(),
            LoggerOf(context.ServiceProvider)));

    private static void Configure(HttpClient http, Uri baseAddress)
    {
        // Refit appends routes to the base path, so a prefix such as /core survives; no trailing slash, or it doubles.
        http.BaseAddress = new Uri(baseAddress.AbsoluteUri.TrimEnd('/'));

        // Time limits come from the resilience pipeline, which knows a transfer from a lookup.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static DitioDocumentsOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<DitioDocumentsOptions>>().Get(name);

    private static ILogger LoggerOf(IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(LoggerCategory);

    private sealed record RegistrationMarker(string Name);

    private readonly record struct ClientNames(string Name)
    {
        public string Key => "Ditio.Documents:" + Name;

        public string Api => "Ditio.Documents.Api" + (Name.Length == 0 ? "" : "." + Name);

        public string Identity => "Ditio.Documents.Identity" + (Name.Length == 0 ? "" : "." + Name);
    }
}
