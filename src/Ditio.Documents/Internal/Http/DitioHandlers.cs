using Ditio.Documents.Internal.Authentication;
using Ditio.Documents.Internal.Calls;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// The SDK's own handlers under each pipeline's resilience handler, outermost first: the one place that decides them
/// and their order, for a registration's clients (through HttpClientFactory) and <c>Create</c>'s alike.
/// </summary>
internal static class DitioHandlers
{
    /// <summary>The identity client's: the answer handler (each answer read whole, under its attempt's timeout).</summary>
    public static DelegatingHandler[] Identity() => [new DitioAnswerHandler()];

    /// <summary>
    /// The API client's: the answer handler, the line logged per attempt, then the bearer token, innermost, so that
    /// every attempt (a retry's too) carries a current token.
    /// </summary>
    public static DelegatingHandler[] Api(DitioTokenCache tokens, ILogger logger, TimeProvider time) =>
        [new DitioAnswerHandler(), new DitioLoggingHandler(logger, time), new DitioBearerTokenHandler(tokens, logger)];
}
