using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Internal;

/// <summary>Every log message of the SDK. None carries a client secret, an access token or an Authorization header.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Ditio {Method} {Path} answered {StatusCode} in {ElapsedMs:F1} ms (attempt {Attempt})")]
    public static partial void CallCompleted(ILogger logger, string method, string path, int statusCode, double elapsedMs, int attempt);

    [LoggerMessage(2, LogLevel.Debug, "Ditio {Method} {Path} failed with {Error} after {ElapsedMs:F1} ms (attempt {Attempt})")]
    public static partial void CallFailed(ILogger logger, string method, string path, string error, double elapsedMs, int attempt);

    [LoggerMessage(3, LogLevel.Debug, "Retrying Ditio {Method} {Path} in {DelayMs:F0} ms after {Outcome} (retry {Retry})")]
    public static partial void Retrying(ILogger logger, string method, string path, double delayMs, string outcome, int retry);

    [LoggerMessage(4, LogLevel.Debug, "Requesting a Ditio access token for client {ClientId} from {IdentityBaseUrl}")]
    public static partial void RequestingToken(ILogger logger, string? clientId, Uri identityBaseUrl);

    [LoggerMessage(5, LogLevel.Debug, "Got a Ditio access token for client {ClientId}, valid {LifetimeSeconds:F0} s, renewed from {RenewAt:O}")]
    public static partial void TokenAcquired(ILogger logger, string? clientId, double lifetimeSeconds, DateTimeOffset renewAt);

    [LoggerMessage(7, LogLevel.Debug, "Ditio {Method} {Path} answered 401: renewing the access token and sending once more")]
    public static partial void RenewingAfterUnauthorized(ILogger logger, string method, string path);

    [LoggerMessage(6, LogLevel.Debug, "Could not get a Ditio access token for client {ClientId}: {Reason}")]
    public static partial void TokenFailed(ILogger logger, string? clientId, string reason);

    /// <summary>The one line of a failed operation (attempt-level lines are at Debug). The message is already scrubbed.</summary>
    [LoggerMessage(8, LogLevel.Warning, "Ditio {Operation} failed: {Message}")]
    public static partial void OperationFailed(ILogger logger, string operation, string message);

    [LoggerMessage(9, LogLevel.Warning, "The Ditio identity server gave an access token lifetime of {ExpiresIn}: using {LifetimeSeconds:F0} s instead")]
    public static partial void LifetimeClamped(ILogger logger, string expiresIn, double lifetimeSeconds);
}
