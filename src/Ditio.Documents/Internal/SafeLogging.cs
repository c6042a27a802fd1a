using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Internal;

/// <summary>
/// The loggers the SDK (and its resilience pipeline) write to: the application's, behind a guard that swallows what a
/// broken provider throws. A log line is never worth a call: an exception from the application's log sink must not
/// turn an upload Ditio stored into a failure (inviting a second copy), nor leave a token renewal half done.
/// </summary>
internal sealed class SafeLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new SafeLogger(inner.CreateLogger(categoryName));

    /// <summary>Providers belong to the application's factory; the SDK adds none.</summary>
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The application owns its factory: nothing to dispose here.</summary>
    public void Dispose()
    {
    }

    /// <summary>A logger whose every member swallows what the provider behind it throws.</summary>
    private sealed class SafeLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            try
            {
                return inner.BeginScope(state);
            }
            catch (Exception)
            {
                return null;
            }
        }

        public bool IsEnabled(LogLevel logLevel)
        {
            try
            {
                return inner.IsEnabled(logLevel);
            }
            catch (Exception)
            {
                return false;
            }
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
            catch (Exception)
            {
                // The application's log sink is broken; the call goes on.
            }
        }
    }
}
