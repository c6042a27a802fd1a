using Ditio.Documents.Testing.Internal;

namespace Ditio.Documents.Testing;

/// <summary>
/// Injects faults into the emulator: fail the next N requests that match a method and path, drop connections,
/// delay or throttle responses, expire every token.
/// </summary>
public sealed partial class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly EmulatorTokens _tokens;

    internal EmulatorFaults(EmulatorTokens tokens) => _tokens = tokens;

    /// <summary>Gets or sets the rate, in bytes per second, at which request and response bodies move; <see langword="null"/> for no limit.</summary>
    public long? ThrottleBytesPerSecond { get; set; }

    /// <summary>Gets or sets a delay before every response; <see langword="null"/> for none.</summary>
    public TimeSpan? ResponseDelay { get; set; }

    /// <summary>Answers the next <paramref name="count"/> requests matching <paramref name="method"/> and <paramref name="pathContains"/> with <paramref name="statusCode"/>.</summary>
    /// <param name="count">How many matching requests fail.</param>
    /// <param name="method">The HTTP method to match, or <see langword="null"/> for any.</param>
    /// <param name="pathContains">A piece of the path to match (for example <c>/documents</c> or <c>connect/token</c>), or <see langword="null"/> for any.</param>
    /// <param name="statusCode">The status to answer.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> to send, if any.</param>
    public void FailNext(int count, string? method, string? pathContains, int statusCode, TimeSpan? retryAfter = null) =>
        Add(new FaultRule(count, method, pathContains, EmulatorFaultKind.Status, statusCode, retryAfter));

    /// <summary>Drops the connection of the next <paramref name="count"/> matching requests, at the point <paramref name="kind"/> says.</summary>
    /// <param name="count">How many matching requests are dropped.</param>
    /// <param name="method">The HTTP method to match, or <see langword="null"/> for any.</param>
    /// <param name="pathContains">A piece of the path to match, or <see langword="null"/> for any.</param>
    /// <param name="kind">Before the body, after the body, or after processing.</param>
    public void DropNext(int count, string? method, string? pathContains, EmulatorFaultKind kind)
    {
        if (kind == EmulatorFaultKind.Status)
        {
            throw new ArgumentException("Use FailNext for status faults.", nameof(kind));
        }

        Add(new FaultRule(count, method, pathContains, kind, 0, null));
    }

    /// <summary>Makes every issued token invalid at once, so the next API call answers 401.</summary>
    public void ExpireAllTokens() => _tokens.ExpireAll();

    /// <summary>Removes every pending fault, the throttle and the delay.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }

        ThrottleBytesPerSecond = null;
        ResponseDelay = null;
        ClearAnswerQuirks();
    }

    internal FaultRule? Take(string method, string path)
    {
        lock (_gate)
        {
            var rule = _rules.Find(r => r.Matches(method, path));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                _rules.Remove(rule);
            }

            return rule;
        }
    }

    private void Add(FaultRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rule.Remaining, "count");
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }
}
