using System.Diagnostics;

namespace Ditio.Documents.Internal.Telemetry;

/// <summary>
/// One public operation as telemetry sees it: its span (current while the operation runs, so HttpClient's spans are
/// its children) and its duration. A struct that holds nothing when nobody listens. Start it inside the async method
/// that does the work, so the span stays current for that method only; end it with <see cref="Succeeded"/> or
/// <see cref="Failed"/>.
/// </summary>
internal readonly struct DitioOperation
{
    private readonly string _name;
    private readonly Activity? _activity;
    private readonly long _started;

    private DitioOperation(string name, Activity? activity, long started)
    {
        _name = name;
        _activity = activity;
        _started = started;
    }

    /// <summary>Starts <paramref name="name"/> (a public operation: <c>Upload</c>, <c>GetPages</c>, ...) on <paramref name="target"/>.</summary>
    public static DitioOperation Start(string name, DocumentTarget? target = null, int? count = null)
    {
        var activity = DitioTelemetry.Source.HasListeners() ? DitioTelemetry.Source.StartActivity("Ditio " + name, ActivityKind.Internal) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(DitioTelemetry.OperationName, name);
            if (target is not null)
            {
                activity.SetTag(DitioTelemetry.TargetKind, target.Kind == DocumentTargetKind.Project ? "project" : "work_order");
                activity.SetTag(DitioTelemetry.TargetId, target.Id);
            }

            if (count is not null)
            {
                activity.SetTag(DitioTelemetry.DocumentCount, count.Value);
            }
        }

        return new DitioOperation(name, activity, DitioTelemetry.Duration.Enabled ? Stopwatch.GetTimestamp() : 0);
    }

    /// <summary>Gets a value indicating whether the span records attributes (worth computing one that costs).</summary>
    public bool IsRecording => _activity is { IsAllDataRequested: true };

    /// <summary>Starts an operation on a project known by its id (a lookup of its work orders).</summary>
    public static DitioOperation StartOnProject(string name, string projectId)
    {
        var operation = Start(name);
        if (operation._activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(DitioTelemetry.TargetKind, "project");
            activity.SetTag(DitioTelemetry.TargetId, projectId);
        }

        return operation;
    }

    /// <summary>The operation ended well; <paramref name="count"/> documents, <paramref name="bytes"/> bytes where known.</summary>
    public void Succeeded(int? count = null, long? bytes = null)
    {
        if (_activity is { IsAllDataRequested: true } activity)
        {
            if (count is not null)
            {
                activity.SetTag(DitioTelemetry.DocumentCount, count.Value);
            }

            if (bytes is not null)
            {
                activity.SetTag(DitioTelemetry.DocumentBytes, bytes.Value);
            }
        }

        End(DitioTelemetry.Success, errorType: null);
    }

    /// <summary>The operation ended with <paramref name="exception"/>: status Error and <c>error.type</c>; a cancellation is not an error.</summary>
    public void Failed(Exception exception)
    {
        var cancelled = exception is OperationCanceledException;
        var errorType = DitioTelemetry.ErrorTypeOf(exception);
        if (_activity is not null && !cancelled)
        {
            _activity.SetStatus(ActivityStatusCode.Error, errorType);
            _activity.SetTag(DitioTelemetry.ErrorType, errorType);
        }

        End(cancelled ? DitioTelemetry.Cancelled : DitioTelemetry.Failure, errorType);
    }

    private void End(string outcome, string? errorType)
    {
        if (_started != 0 && DitioTelemetry.Duration.Enabled)
        {
            var tags = new TagList
            {
                { DitioTelemetry.OperationName, _name },
                { DitioTelemetry.Outcome, outcome },
            };
            if (errorType is not null)
            {
                tags.Add(DitioTelemetry.ErrorType, errorType);
            }

            DitioTelemetry.Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        if (_activity is not null)
        {
            _activity.SetTag(DitioTelemetry.Outcome, outcome);
            _activity.Stop();
        }
    }
}
