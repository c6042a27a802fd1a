namespace Ditio.Documents;

/// <summary>
/// How the client retries transient failures (408, 429, 5xx and connection failures) and how long a call may take.
/// </summary>
/// <remarks>
/// Retries wait as the server asks (<c>Retry-After</c>), else <see cref="BaseDelay"/> doubled at each retry up to
/// <see cref="MaxDelay"/>, varied by up to 20 % either way. A retry whose wait would end past <see cref="TotalTimeout"/>
/// is not made: the call fails at once with its last answer rather than wait for nothing. An upload that does not replace
/// existing files by name is retried only when the server cannot have stored it (the connection was never made, or
/// the server answered 429), so a retry never creates a second copy of a document.
/// </remarks>
public sealed class DitioRetryOptions
{
    /// <summary>The default for <see cref="MaxRetryAttempts"/>: 3.</summary>
    public const int DefaultMaxRetryAttempts = 3;

    /// <summary>Gets or sets how many times a failed call is retried after the first attempt (0 to 10).</summary>
    /// <value>Defaults to <see cref="DefaultMaxRetryAttempts"/>.</value>
    public int MaxRetryAttempts { get; set; } = DefaultMaxRetryAttempts;

    /// <summary>Gets or sets the delay before the first retry; later retries double it, each varied by up to 20 % either way.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest computed delay between two attempts (a server's <c>Retry-After</c> is bounded by <see cref="MaxRetryAfter"/> instead).</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> the client waits for. A server asking for a longer pause ends the
    /// retries and the call fails with a <see cref="DitioApiException"/> whose <see cref="DitioApiException.RetryAfter"/> says how long.
    /// </summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the time one attempt of a lookup, list or delete may take.</summary>
    /// <value>Defaults to 30 seconds. Uploads and downloads have no per-attempt limit: they run until done or cancelled.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the time a lookup, list or delete may take in all, retries and delays included. Each attempt's timeout
    /// is cut to the time left, and no retry is made whose wait would end past it.
    /// </summary>
    /// <value>Defaults to 2 minutes.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    internal DitioRetryOptions Clone() => (DitioRetryOptions)MemberwiseClone();
}
