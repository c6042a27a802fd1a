using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Internal.Authentication;

/// <summary>
/// Holds one registration's access token: renewed a margin before it expires, one renewal in flight however many
/// callers wait, and a failed renewal is never cached (the next caller tries again).
/// </summary>
internal sealed class DitioTokenCache(
    Func<DitioTokenClient> tokenClient,
    DitioDocumentsOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
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

    private async Task<AccessToken> RenewCoreAsync()
    {
        // Leave the lock before doing any work, so the task is stored before it can complete.
        await Task.Yield();
        try
        {
            Log.RequestingToken(logger, options.ClientId, options.EffectiveIdentityBaseUrl);
            var started = timeProvider.GetUtcNow();

            // Not tied to any caller's cancellation: other callers share this renewal. The identity client's own
            // timeouts bound it.
            var (value, lifetime) = await tokenClient().RequestAsync(CancellationToken.None).ConfigureAwait(false);
            var margin = TimeSpan.FromTicks(Math.Min(options.TokenRenewalMargin.Ticks, lifetime.Ticks / 2));
            var token = new AccessToken(value, started + lifetime - margin, started + lifetime);
            Log.TokenAcquired(logger, options.ClientId, lifetime.TotalSeconds, token.RenewAt);
            lock (_gate)
            {
                _current = token;
                _renewal = null;
            }

            return token;
        }
        catch (Exception ex)
        {
            Log.TokenFailed(logger, options.ClientId, ex.Message);
            lock (_gate)
            {
                _renewal = null;
            }

            throw;
        }
    }
}
