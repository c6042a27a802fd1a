using Ditio.Documents.Internal.Api;
using Ditio.Documents.Internal.Authentication;
using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Errors;
using Ditio.Documents.Internal.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace Ditio.Documents.Internal;

/// <summary>
/// <see cref="DitioDocumentsClient.Create"/>'s client: the same two pipelines as a registration's
/// (<see cref="DitioDocumentsRegistration"/>), the same handlers in the same order over the same primary handler, the
/// same resilience pipeline (<see cref="DitioResilience"/>), options validated by the same validator, but built
/// directly: no service container, no HttpClientFactory. A console run or a serverless call pays for none of their
/// start-up (docs/performance.md, "Cold start"). It has no handler rotation to need: its transport renews pooled
/// connections itself.
/// </summary>
internal static class DitioDirectClient
{
    public static DitioDocumentsClient Create(DitioDocumentsOptions options, ILoggerFactory? loggerFactory, TimeProvider time)
    {
        var settings = new DitioDocumentsOptions();
        options.CopyTo(settings);
        var validation = new DitioDocumentsOptionsValidator().Validate(Options.DefaultName, settings);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(DitioDocumentsOptions), validation.Failures);
        }

        ILoggerFactory loggers = loggerFactory is null ? NullLoggerFactory.Instance : new SafeLoggerFactory(loggerFactory);
        var logger = loggers.CreateLogger(DitioDocumentsRegistration.LoggerCategory);
        var errors = new DitioErrors(new SecretScrubber(settings.ClientId, settings.ClientSecret), time);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        DitioResilience.Configure(pipeline, settings.Retry, time, loggers);
        var resilience = pipeline.Build();

        var identity = DitioDocumentsRegistration.NewHttpClient(
            Chain(DitioPrimaryHandler.Create(settings.Transfers), new ResilienceHandler(resilience), DitioHandlers.Identity()),
            settings.EffectiveIdentityBaseUrl,
            settings.ApplicationId);
        var identityApi = new DitioIdentityApi(identity);
        var tokens = new DitioTokenCache(() => new DitioTokenClient(identityApi, settings, errors, logger), settings, errors, time, logger);
        var api = DitioDocumentsRegistration.NewHttpClient(
            Chain(DitioPrimaryHandler.Create(settings.Transfers), new ResilienceHandler(resilience), DitioHandlers.Api(tokens, logger, time)),
            settings.EffectiveApiBaseUrl,
            settings.ApplicationId);
        return new DitioDocumentsClient(new DitioIntegrationApi(api), settings, errors, time, logger, new Owned(tokens, identity, api), tokens);
    }

    /// <summary>The resilience handler over the SDK's handlers (outermost first), each over the next, the last over the primary handler.</summary>
    private static HttpMessageHandler Chain(HttpMessageHandler primary, DelegatingHandler resilience, DelegatingHandler[] handlers)
    {
        DelegatingHandler[] outermostFirst = [resilience, .. handlers];
        HttpMessageHandler inner = primary;
        for (var i = outermostFirst.Length - 1; i >= 0; i--)
        {
            outermostFirst[i].InnerHandler = inner;
            inner = outermostFirst[i];
        }

        return inner;
    }

    /// <summary>What the client releases when disposed: the token cache first, then both pipelines and their connections.</summary>
    private sealed class Owned(DitioTokenCache tokens, HttpClient identity, HttpClient api) : IDisposable
    {
        public void Dispose()
        {
            tokens.Dispose();
            identity.Dispose();
            api.Dispose();
        }
    }
}
