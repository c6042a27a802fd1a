using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Ditio.Documents.Internal.Telemetry;

/// <summary>
/// The one owner of the SDK's <see cref="ActivitySource"/>, <see cref="Meter"/>, their instruments and the names of
/// their attributes (OpenTelemetry semantic-convention style: lower case, dot-separated, <c>ditio.</c>-prefixed, plus
/// the standard <c>error.type</c>). Every recording checks first that someone listens, so an unobserved call pays a
/// few flag reads.
/// </summary>
internal static class DitioTelemetry
{
    public const string OperationName = "ditio.operation.name";
    public const string Outcome = "ditio.operation.outcome";
    public const string TargetKind = "ditio.target.kind";
    public const string TargetId = "ditio.target.id";
    public const string DocumentCount = "ditio.documents.count";
    public const string DocumentBytes = "ditio.documents.bytes";
    public const string Direction = "ditio.transfer.direction";
    public const string ErrorType = "error.type";

    public const string Success = "success";
    public const string Failure = "failure";
    public const string Cancelled = "cancelled";

    /// <summary>The SDK's version, without the source-revision suffix: for the source, the meter and the User-Agent.</summary>
    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(DitioDocumentsTelemetry.SourceName, Version);

    public static readonly Meter Meter = new(DitioDocumentsTelemetry.MeterName, Version);

    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "ditio.documents.operation.duration",
        unit: "s",
        description: "How long a public operation of the Ditio client took, retries and token renewals included.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    public static readonly Counter<long> TransferBytes = Meter.CreateCounter<long>(
        "ditio.documents.transfer.bytes", unit: "By", description: "Document bytes moved to (upload) or from (download) Ditio.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "ditio.documents.retries", unit: "{retry}", description: "Attempts the SDK's retry policy sent again.");

    public static readonly Counter<long> TokenRenewals = Meter.CreateCounter<long>(
        "ditio.documents.token.renewals", unit: "{renewal}", description: "Access tokens asked from Ditio's identity server.");

    /// <summary>Document bytes moved by an upload or a download, counted as they move.</summary>
    public static void Transferred(int bytes, bool upload)
    {
        if (TransferBytes.Enabled && bytes > 0)
        {
            TransferBytes.Add(bytes, new KeyValuePair<string, object?>(Direction, upload ? "upload" : "download"));
        }
    }

    /// <summary>The retry policy decided to send <paramref name="operation"/> again.</summary>
    public static void Retried(string? operation)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>(OperationName, operation ?? "unknown"));
        }
    }

    /// <summary>A token was asked for; <paramref name="failure"/> is what the request ended with, if it failed.</summary>
    public static void TokenRenewed(Exception? failure)
    {
        if (TokenRenewals.Enabled)
        {
            TokenRenewals.Add(1, new KeyValuePair<string, object?>(Outcome, failure is null ? Success : Failure));
        }
    }

    /// <summary>
    /// The low-cardinality <c>error.type</c> of a failure: the status code of an error response (<c>404</c>), else the
    /// kind of failure (<c>timeout</c>, <c>no_response</c>, <c>invalid_response</c>, <c>unsuccessful</c>,
    /// <c>authentication</c>), else the exception's full type name.
    /// </summary>
    public static string ErrorTypeOf(Exception exception) => exception switch
    {
        DitioApiException { Kind: DitioFailureKind.ErrorResponse or DitioFailureKind.Forbidden, StatusCode: { } status } => StatusText((int)status),
        DitioApiException { Kind: DitioFailureKind.Timeout } => "timeout",
        DitioApiException { Kind: DitioFailureKind.NoResponse } => "no_response",
        DitioApiException { Kind: DitioFailureKind.InvalidResponse } => "invalid_response",
        DitioApiException { Kind: DitioFailureKind.Unsuccessful } => "unsuccessful",
        DitioAuthenticationException => "authentication",
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    /// <summary>The W3C trace id of the current activity, if there is one.</summary>
    public static string? CurrentTraceId() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.TraceId.ToHexString() : null;

    private static string StatusText(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ReadVersion()
    {
        var assembly = typeof(DitioTelemetry).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
