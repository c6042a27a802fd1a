using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Http;

namespace Ditio.Documents.Tests.Resilience;

/// <summary>The wait between attempts when the server names none: doubling from BaseDelay, up to MaxDelay, with jitter.</summary>
public sealed class BackoffTests
{
    private static readonly DitioRetryOptions Retry = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(0, 0.8, 1.2)]
    [InlineData(1, 1.6, 2.4)]
    [InlineData(2, 3.2, 4.8)]
    [InlineData(4, 12.8, 19.2)]
    [InlineData(5, 25.6, 30)]
    [InlineData(40, 30, 30)]
    public void Backoff_DoublesWithJitterWithinMaxDelay(int attemptNumber, double minSeconds, double maxSeconds)
    {
        var waits = Enumerable.Range(0, 2_000).Select(_ => DitioResilience.Backoff(attemptNumber, DitioCall.Control("Test", 1024), Retry).TotalSeconds).ToList();

        Assert.All(waits, w => Assert.InRange(w, minSeconds, maxSeconds));
        if (minSeconds < maxSeconds)
        {
            Assert.True(waits.Distinct().Count() > 100, "the waits must vary, so that many clients do not retry in step");
        }
    }

    [Fact]
    public void Backoff_SameCallAndAttempt_SameWait_SoTheRetryDecisionAndTheWaitAgree()
    {
        var call = DitioCall.Control("Test", 1024);

        Assert.Equal(DitioResilience.Backoff(2, call, Retry), DitioResilience.Backoff(2, call, Retry));
    }

    [Fact]
    public void Backoff_ZeroBaseDelay_RetriesAtOnce() =>
        Assert.Equal(TimeSpan.Zero, DitioResilience.Backoff(3, DitioCall.Control("Test", 1024), new DitioRetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero }));
}
