using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;

namespace Ditio.Documents.Tests.Telemetry;

/// <summary>
/// Listens to the SDK's spans (and HttpClient's) and metrics, as an OpenTelemetry SDK would, but keeps only what belongs
/// to one test: spans of the trace of a root activity the test starts, and measurements recorded while an activity of
/// that trace is current. Listeners are process-wide, so this is what keeps parallel test classes apart.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("Ditio.Documents.Tests.Telemetry");
    private static readonly ConcurrentDictionary<ActivityTraceId, TelemetryCapture> Running = new();

    // One listener of each kind for the whole test run, never removed: adding and removing process-wide listeners while
    // other tests start activities is itself a race. Each capture registers under its root's trace id.
    private static readonly ActivityListener SpanListener = StartSpans();
    private static readonly MeterListener MetricListener = StartMetrics();

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    private TelemetryCapture(string testName)
    {
        GC.KeepAlive(SpanListener);
        GC.KeepAlive(MetricListener);
        Root = TestSource.StartActivity(testName) ?? throw new InvalidOperationException("The test source is not listened to.");
        Running[Root.TraceId] = this;
    }

    /// <summary>The test's own root span: every span and measurement of the test is in its trace.</summary>
    public Activity Root { get; }

    public IReadOnlyList<Activity> Spans => [.. _stopped];

    public IReadOnlyList<Activity> DitioSpans => [.. _stopped.Where(a => a.Source.Name == DitioDocumentsTelemetry.SourceName)];

    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    /// <summary>Starts listening and makes a root activity current for the calling test (call it from the test method itself).</summary>
    public static TelemetryCapture Start([System.Runtime.CompilerServices.CallerMemberName] string testName = "") => new(testName);

    public Activity Single(string spanName) => Assert.Single(DitioSpans, a => a.DisplayName == spanName);

    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => [.. _stopped.Where(a => a.ParentSpanId == parent.SpanId).OrderBy(a => a.StartTimeUtc)];

    public IReadOnlyList<Measurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    public long Sum(string instrument, string tag, string value) =>
        Of(instrument).Where(m => Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => Convert.ToInt64(m.Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The spans under the root, indented, with their attributes: what a trace viewer would show.</summary>
    public string Tree()
    {
        var text = new StringBuilder();
        void Print(Activity span, int depth)
        {
            var tags = string.Join(", ", span.TagObjects.Where(t => !t.Key.StartsWith("server.", StringComparison.Ordinal) && t.Key != "url.full").Select(t => $"{t.Key}={t.Value}"));
            text.Append(' ', depth * 2).Append(span.DisplayName).Append(" [").Append(span.Source.Name).Append(", ").Append(span.Kind).Append(", ").Append(span.Status)
                .Append("] ").AppendLine(tags);
            foreach (var child in ChildrenOf(span))
            {
                Print(child, depth + 1);
            }
        }

        foreach (var top in ChildrenOf(Root))
        {
            Print(top, 0);
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Root.Stop();
        Running.TryRemove(Root.TraceId, out _);
    }

    private static ActivityListener StartSpans()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name is DitioDocumentsTelemetry.SourceName or "System.Net.Http" || source == TestSource,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = static activity =>
            {
                if (Running.TryGetValue(activity.TraceId, out var capture))
                {
                    capture._stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static MeterListener StartMetrics()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = static (instrument, listener) =>
            {
                if (instrument.Meter.Name == DitioDocumentsTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>(static (instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>(static (instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        return listener;
    }

    /// <summary>A measurement belongs to the capture whose trace is current where it is recorded (listeners run inline).</summary>
    private static void Record(Instrument instrument, object value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Activity.Current is { } current && Running.TryGetValue(current.TraceId, out var capture))
        {
            capture._measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, new Dictionary<string, object?>(tags.ToArray())));
        }
    }

    public sealed record Measurement(string Instrument, string? Unit, object Value, IReadOnlyDictionary<string, object?> Tags);
}
