using Polly.Timeout;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// The total timeout of a call: all its attempts and the waits between them. Sits outside the resilience handler and
/// hands it a token that ends at the deadline. It arms no timer for a call that ends at its first attempt, which is
/// nearly every call: each attempt's own timeout is cut to the time left (<see cref="AttemptTimeout"/>), so an attempt
/// cannot outlive the deadline, and a timer is armed only when a retry is about to wait (<see cref="ArmBeforeRetry"/>).
/// A call past its deadline ends in a <see cref="TimeoutRejectedException"/>. Transfers have no total timeout.
/// </summary>
internal sealed class DitioTotalTimeoutHandler(TimeSpan total, TimeProvider time) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Deadline> DeadlineKey = new("Ditio.Deadline");

    /// <summary>The timeout of the attempt about to start: the attempt limit, or the time left if that is shorter.</summary>
    public static TimeSpan AttemptTimeout(HttpRequestMessage? request, TimeSpan attemptTimeout)
    {
        if (request is null || !request.Options.TryGetValue(DeadlineKey, out var deadline))
        {
            return attemptTimeout;
        }

        var left = deadline.Remaining;

        // Past the deadline its token is cancelled (or about to be); a tick keeps the attempt from running unlimited.
        return left <= TimeSpan.Zero ? TimeSpan.FromTicks(1) : left < attemptTimeout ? left : attemptTimeout;
    }

    /// <summary>Whether the call's total time is spent, so no retry may start.</summary>
    public static bool IsSpent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(DeadlineKey, out var deadline) && deadline.Remaining <= TimeSpan.Zero;

    /// <summary>Called as a retry is about to wait: the wait and every later attempt now end at the deadline.</summary>
    public static void ArmBeforeRetry(HttpRequestMessage? request)
    {
        if (request is not null && request.Options.TryGetValue(DeadlineKey, out var deadline))
        {
            deadline.Arm();
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        DitioRequestOptions.IsTransfer(request) ? base.SendAsync(request, cancellationToken) : SendBeforeDeadlineAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendBeforeDeadlineAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var deadline = new Deadline(total, time, cancellationToken);
        request.Options.Set(DeadlineKey, deadline);
        try
        {
            return await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.Fired && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"The call did not complete within its total timeout of {total}.", total, ex);
        }
        finally
        {
            ((IDictionary<string, object?>)request.Options).Remove(DeadlineKey.Key);
        }
    }

    /// <summary>One call's deadline: a token that ends there, with no timer behind it until <see cref="Arm"/>.</summary>
    private sealed class Deadline : IDisposable
    {
        private readonly TimeSpan _total;
        private readonly TimeProvider _time;
        private readonly long _started;
        private readonly CancellationTokenSource _source;
        private ITimer? _timer;
        private volatile bool _fired;

        public Deadline(TimeSpan total, TimeProvider time, CancellationToken caller)
        {
            _total = total;
            _time = time;
            _started = time.GetTimestamp();
            _source = caller.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(caller) : new CancellationTokenSource();
        }

        public CancellationToken Token => _source.Token;

        public TimeSpan Remaining => _total - _time.GetElapsedTime(_started);

        /// <summary>Whether the deadline (not the caller) cancelled the token.</summary>
        public bool Fired => _fired;

        public void Arm()
        {
            if (_timer is not null || _fired)
            {
                return;
            }

            var left = Remaining;
            if (left <= TimeSpan.Zero)
            {
                Fire(this);
                return;
            }

            _timer = _time.CreateTimer(Fire, this, left, Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            _timer?.Dispose();
            _source.Dispose();
        }

        private static void Fire(object? state)
        {
            var deadline = (Deadline)state!;
            deadline._fired = true;
            try
            {
                deadline._source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The call ended as the timer fired.
            }
        }
    }
}
