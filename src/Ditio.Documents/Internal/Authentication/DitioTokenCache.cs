using Ditio.Documents.Internal.Errors;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Internal.Authentication;

/// <summary>
/// Holds one registration's access token: renewed a margin before it expires, one renewal in flight however many
/// callers wait (each waits only as long as its own cancellation allows), a renewal bounded by its own timeout, and a
/// failed or timed-out renewal never cached (the next caller renews afresh).
/// </summary>
internal sealed class DitioTokenCache(
    Func<DitioTokenClient> tokenClient,
    DitioDocumentsOptions options,
    DitioErrors errors,
    TimeProvider timeProvider,
    ILogger logger) : IDisposable
{
    /// <summary>
    /// How long a renewal may take: the identity client's own total timeout bounds each request already; this is the
    /// backstop, a little later, so that the more precise error of the identity client is the one seen.
    /// </summary>
    private readonly TimeSpan _renewalTimeout = options.Retry.TotalTimeout + TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();

    private readonly Lock _gate = new();
    private AccessToken? _current;
    private Task<AccessToken>? _renewal;

    /// <summary>Gets a token that is not due for renewal, renewing it (once, for every waiting caller) if needed.</summary>
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && timeProvider.GetUtcNow() < current.RenewAt)
        {
            return ValueTask.FromResult(current);
        }

        return new ValueTask<AccessToken>(JoinRenewal(rejected: null).WaitAsync(cancellationToken));
    }

    /// <summary>
    /// Renews after the API refused <paramref name="rejected"/> with 401. If another caller already replaced that token,
    /// its replacement is returned instead of asking again, so a burst of 401s makes one renewal.
    /// </summary>
    public Task<AccessToken> RenewAsync(AccessToken rejected, CancellationToken cancellationToken) =>
        JoinRenewal(rejected).WaitAsync(cancellationToken);

    private Task<AccessToken> JoinRenewal(AccessToken? rejected)
    {
        lock (_gate)
        {
            var current = _current;
            var usable = current is not null
                && !ReferenceEquals(current, rejected)
                && timeProvider.GetUtcNow() < current.RenewAt;
            if (usable)
            {
                return Task.FromResult(current!);
            }

            if (rejected is not null && ReferenceEquals(current, rejected))
            {
                _current = null;
            }

            return _renewal ??= RenewCoreAsync();
        }
    }

    /// <summary>Gets a value indicating whether a renewal is running.</summary>
    public bool IsRenewing => Volatile.Read(ref _renewal) is not null;

    /// <summary>Cancels a renewal under way (the owner of the client is going away), so nothing waits for it.</summary>
    public void Stop() => _stopping.Cancel();

    /// <summary>
    /// Stops a renewal under way and lets it end (for at most half a second), so that the identity client's pipeline,
    /// disposed after the cache, finds nothing running to wait for.
    /// </summary>
    public void Dispose()
    {
        Stop();
        SpinWait.SpinUntil(() => !IsRenewing, TimeSpan.FromMilliseconds(500));
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync()
    {
#if NET
        using var timeout = new CancellationTokenSource(_renewalTimeout, timeProvider);
#else
        using var timeout = timeProvider.CreateCancellationTokenSource(_renewalTimeout);
#endif
        using var stopping = _stopping.Token.Register(timeout.Cancel);
        try
        {
            return await tokenClient().RequestAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw errors.Authentication(
                options.ClientId ?? "", $"no token within {_renewalTimeout.TotalSeconds:0.###} s (Ditio:Retry:TotalTimeout and 5 s)", null, inner: ex);
        }
    }

    private async Task<AccessToken> RenewCoreAsync()
    {
        // Leave the lock before doing any work, so the task is stored before it can complete.
        await Task.Yield();
        try
        {
            Log.RequestingToken(logger, options.ClientId, options.EffectiveIdentityBaseUrl);
            var started = timeProvider.GetUtcNow();

            // Not tied to any caller's cancellation (other callers share this renewal), but to its own timeout.
            var (value, lifetime) = await RequestAsync().ConfigureAwait(false);
            var margin = TimeSpan.FromTicks(Math.Min(options.TokenRenewalMargin.Ticks, lifetime.Ticks / 2));
            var token = new AccessToken(value, started + lifetime - margin, started + lifetime);
            lock (_gate)
            {
                _current = token;
                _renewal = null;
            }

            Telemetry.DitioTelemetry.TokenRenewed(failure: null);
            Log.TokenAcquired(logger, options.ClientId, lifetime.TotalSeconds, token.RenewAt);
            return token;
        }
        catch (Exception ex)
        {
            // Forgotten before anything else can go wrong, so that the next caller renews afresh.
            lock (_gate)
            {
                _renewal = null;
            }

            Telemetry.DitioTelemetry.TokenRenewed(ex);
            Log.TokenFailed(logger, options.ClientId, ex.Message);
            throw;
        }
    }
}
