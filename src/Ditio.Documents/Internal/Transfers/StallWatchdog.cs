namespace Ditio.Documents.Internal.Transfers;

/// <summary>
/// Cancels a transfer that has moved no byte for a while. Each chunk moved re-arms it; a slow transfer that keeps
/// moving never trips it. Its token also follows the caller's.
/// </summary>
internal sealed class StallWatchdog : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly ITimer _timer;
    private volatile bool _fired;

    public StallWatchdog(TimeSpan timeout, TimeProvider time, CancellationToken callerToken)
    {
        Timeout = timeout;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        _timer = time.CreateTimer(static state => ((StallWatchdog)state!).Fire(), this, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Timeout { get; }

    /// <summary>Gets the token that is cancelled when the transfer stalls or the caller cancels.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Gets a value indicating whether the transfer stalled (as opposed to being cancelled by the caller).</summary>
    public bool Fired => _fired;

    /// <summary>Bytes moved: start the wait over.</summary>
    public void Kick() => _timer.Change(Timeout, System.Threading.Timeout.InfiniteTimeSpan);

    /// <summary>Nobody is waiting for bytes (the caller holds the stream but is not reading): stop the clock.</summary>
    public void Pause() => _timer.Change(System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _timer.Dispose();
        _cancel.Dispose();
    }

    private void Fire()
    {
        _fired = true;
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The transfer ended as the timer fired.
        }
    }
}
