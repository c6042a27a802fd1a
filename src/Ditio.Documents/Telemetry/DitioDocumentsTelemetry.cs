namespace Ditio.Documents;

/// <summary>
/// The names under which the SDK reports its traces and metrics, for an OpenTelemetry set-up:
/// <c>.AddSource(DitioDocumentsTelemetry.SourceName)</c> and <c>.AddMeter(DitioDocumentsTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// The SDK depends on <c>System.Diagnostics</c> only: nothing is recorded, and nearly nothing costs, until a listener
/// subscribes. Spans, attributes and instruments are described in <c>docs/observability.md</c>. No attribute or tag ever
/// holds a secret, a token or file content.
/// </remarks>
public static class DitioDocumentsTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: one span per public operation.</summary>
    public const string SourceName = "Ditio.Documents";

    /// <summary>
    /// The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>ditio.documents.operation.duration</c>,
    /// <c>ditio.documents.transfer.bytes</c>, <c>ditio.documents.retries</c> and <c>ditio.documents.token.renewals</c>.
    /// </summary>
    public const string MeterName = "Ditio.Documents";
}
