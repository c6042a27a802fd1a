using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Tests.Infrastructure;

/// <summary>Keeps every log line, message and structured values, at every level, to search for secrets and facts.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => _lines.ToArray();

    /// <summary>Called for every line as it is written (for tests that wait for a log event).</summary>
    public event Action<LogLine>? Written;

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, string State, string? Exception);

    private sealed class Recorder(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? "";
            var line = new LogLine(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString());
            owner._lines.Enqueue(line);
            owner.Written?.Invoke(line);
        }
    }
}
