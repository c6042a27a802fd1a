using Ditio.Documents.Internal.Api;
using Ditio.Documents.Internal.Authentication;
using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Errors;
using Ditio.Documents.Internal.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ditio.Documents.Internal;

/// <summary>
/// The one place every <c>AddDitioDocuments</c> overload forwards to. Per registration name: validated named options,
/// a singleton error factory (with the secret scrubber) and token cache, an identity HttpClient (resilience → answer
/// → primary handler) and an API HttpClient (resilience → answer → logging → bearer token → primary handler), and the
/// client. The SDK owns these two pipelines: handlers an application adds to every client
/// (<c>ConfigureHttpClientDefaults</c>: a standard resilience handler, a retry handler of its own, a header logger) are
/// removed from them, so no one else's retry re-sends an upload and no one else's handler sees a secret.
/// Handlers added through <see cref="DitioDocumentsBuilder"/> after registration are kept.
/// </summary>
internal static class DitioDocumentsRegistration
{
    public const string LoggerCategory = "Ditio.Documents";

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
        AddRegistrationSingletons(services, name, names);

        // The SDK logs each attempt itself (method, path, status, duration, attempt); HttpClientFactory's own loggers
        // would repeat that at a cost on every call. Header values stay redacted should an app add them back.
        var identity = AddOwnedClient(services, names.Identity, name, static options => options.EffectiveIdentityBaseUrl, static _ => DitioHandlers.Identity());
        var api = AddOwnedClient(services, names.Api, name, static options => options.EffectiveApiBaseUrl, sp => DitioHandlers.Api(
            sp.GetRequiredKeyedService<DitioTokenCache>(names.Key), LoggerOf(sp), sp.GetRequiredService<TimeProvider>()));

        AddClient(services, name, names);
        return new DitioDocumentsBuilder(name, services, api, identity);
    }

    /// <summary>The registration's singletons: its error factory (with the secret scrubber) and its token cache.</summary>
    private static void AddRegistrationSingletons(IServiceCollection services, string name, ClientNames names)
    {
        services.AddKeyedSingleton(names.Key, (sp, _) => new DitioErrors(
            new SecretScrubber(OptionsOf(sp, name).ClientId, OptionsOf(sp, name).ClientSecret), sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(names.Key, (sp, _) => new DitioTokenCache(
            () => new DitioTokenClient(
                new DitioIdentityApi(CreateHttpClient(sp, names.Identity)), OptionsOf(sp, name), ErrorsOf(sp, names), LoggerOf(sp)),
            OptionsOf(sp, name),
            ErrorsOf(sp, names),
            sp.GetRequiredService<TimeProvider>(),
            LoggerOf(sp)));
    }

    /// <summary>The client itself: the default registration as a plain service, a named one as a keyed service.</summary>
    private static void AddClient(IServiceCollection services, string name, ClientNames names)
    {
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
    }

    public static DitioDocumentsClient CreateClient(IServiceProvider services, string name, IDisposable? owner = null)
    {
        var names = new ClientNames(name);
        return new DitioDocumentsClient(
            CreateApi(services, names),
            OptionsOf(services, name),
            ErrorsOf(services, names),
            services.GetRequiredService<TimeProvider>(),
            LoggerOf(services),
            owner,
            owner is null ? null : services.GetRequiredKeyedService<DitioTokenCache>(names.Key));
    }

    /// <summary>
    /// A named HttpClient whose pipeline is the SDK's: whatever an application added to every client before this
    /// (<c>ConfigureHttpClientDefaults</c> runs first) is cleared, then the SDK's resilience handler and its own handlers
    /// (<see cref="DitioHandlers"/>) go in. Its own primary handler (no redirects), base address, no default headers but
    /// the SDK's User-Agent, no HttpClient timeout, no loggers.
    /// </summary>
    private static IHttpClientBuilder AddOwnedClient(
        IServiceCollection services, string clientName, string name, Func<DitioDocumentsOptions, Uri> baseUrl, Func<IServiceProvider, DelegatingHandler[]> handlers)
    {
        var client = services.AddHttpClient(clientName, (sp, http) => Configure(http, baseUrl(OptionsOf(sp, name)), OptionsOf(sp, name).ApplicationId))
            .ConfigureAdditionalHttpMessageHandlers(static (handlers, _) => handlers.Clear())
            .ConfigurePrimaryHttpMessageHandler(sp => DitioPrimaryHandler.Create(OptionsOf(sp, name).Transfers))
            .RemoveAllLoggers()
            .RedactLoggedHeaders(static _ => true);
        // Runs after every other configuration of this client (the SDK's builder, an application's ConfigureAll):
        // whatever primary handler it ends with never follows a redirect and sits under the send guard.
        services.PostConfigure<HttpClientFactoryOptions>(clientName, static options => options.HttpMessageHandlerBuilderActions.Add(
            static b => b.PrimaryHandler = DitioPrimaryHandler.Secure(b.PrimaryHandler)));
        client.AddResilienceHandler("Ditio", (pipeline, context) => DitioResilience.Configure(
            pipeline,
            OptionsOf(context.ServiceProvider, name).Retry,
            context.ServiceProvider.GetRequiredService<TimeProvider>(),
            LoggersOf(context.ServiceProvider)));
        return client.ConfigureAdditionalHttpMessageHandlers((list, sp) =>
        {
            foreach (var handler in handlers(sp))
            {
                list.Add(handler);
            }
        });
    }

    private static DitioIntegrationApi CreateApi(IServiceProvider services, ClientNames names) =>
        new(CreateHttpClient(services, names.Api));

    private static HttpClient CreateHttpClient(IServiceProvider services, string clientName) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);

    /// <summary>An HttpClient over the given handlers, configured as <see cref="Configure"/> does.</summary>
    public static HttpClient NewHttpClient(HttpMessageHandler handler, Uri baseAddress, string? applicationId)
    {
        var http = new HttpClient(handler, disposeHandler: true);
        Configure(http, baseAddress, applicationId);
        return http;
    }

    private static void Configure(HttpClient http, Uri baseAddress, string? applicationId)
    {
        // Routes are appended to the base path, so a prefix such as /core survives (DitioRequestSender).
        http.BaseAddress = new Uri(baseAddress.AbsoluteUri.TrimEnd('/'));

        // Time limits come from the resilience pipeline, which knows a transfer from a lookup. Headers an application
        // set on every client are not sent to Ditio.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Clear();
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", Telemetry.DitioUserAgent.For(applicationId));
    }

    private static DitioDocumentsOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<DitioDocumentsOptions>>().Get(name);

    /// <summary>The application's loggers, behind a guard: a provider that throws never breaks a call (see <see cref="SafeLoggerFactory"/>).</summary>
    private static ILoggerFactory LoggersOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() is { } loggers ? new SafeLoggerFactory(loggers) : NullLoggerFactory.Instance;

    private static ILogger LoggerOf(IServiceProvider services) => LoggersOf(services).CreateLogger(LoggerCategory);

    private static DitioErrors ErrorsOf(IServiceProvider services, ClientNames names) => services.GetRequiredKeyedService<DitioErrors>(names.Key);

    private sealed record RegistrationMarker(string Name);

    private readonly record struct ClientNames(string Name)
    {
        public string Key => "Ditio.Documents:" + Name;

        public string Api => "Ditio.Documents.Api" + (Name.Length == 0 ? "" : "." + Name);

        public string Identity => "Ditio.Documents.Identity" + (Name.Length == 0 ? "" : "." + Name);
    }
}
