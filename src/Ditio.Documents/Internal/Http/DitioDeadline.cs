using Ditio.Documents.Internal.Calls;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// The total timeout of a call, kept without a timer of its own. The call remembers when its first attempt started;
/// each attempt's timeout (which covers the answer's body too: see <see cref="DitioAnswerHandler"/>) is cut to the time
/// left (<see cref="AttemptTimeout"/>), and a retry whose wait would end past the deadline is not made
/// (<see cref="Allows"/>): the call ends at once with its last answer. So no call outlives its total timeout, and a call
/// that succeeds at once runs one timer (its attempt's), not two. Transfers have no total timeout.
/// </summary>
internal static class DitioDeadline
{
    /// <summary>The timeout of the attempt about to start: the attempt limit, or the time left if that is shorter.</summary>
    public static TimeSpan AttemptTimeout(DitioCall call, DitioRetryOptions retry, TimeProvider time)
    {
        if (call.StartedAt is not { } started)
        {
            call.StartedAt = time.GetTimestamp();
            return retry.AttemptTimeout < retry.TotalTimeout ? retry.AttemptTimeout : retry.TotalTimeout;
        }

        var left = retry.TotalTimeout - time.GetElapsedTime(started);

        // Not reached in practice (a retry must end before the deadline); a tick keeps the attempt from running unlimited.
        return left <= TimeSpan.Zero ? TimeSpan.FromTicks(1) : left < retry.AttemptTimeout ? left : retry.AttemptTimeout;
    }

    /// <summary>Whether a retry after <paramref name="wait"/> would still start before the deadline.</summary>
    public static bool Allows(DitioCall call, TimeSpan wait, DitioRetryOptions retry, TimeProvider time) =>
        call.IsTransfer || call.StartedAt is not { } started || time.GetElapsedTime(started) + wait < retry.TotalTimeout;
}
