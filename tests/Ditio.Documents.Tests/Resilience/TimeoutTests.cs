using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Resilience;

/// <summary>
/// Timeouts on fake time. Time moves only once the server has seen the request, so the SDK's timers exist before
/// the clock moves past them; every wait on a real event is capped, so a broken SDK fails the test instead of hanging it.
/// </summary>
public sealed class TimeoutTests : IDisposable
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    private readonly DitioWireMock _identity = new();
    private readonly TaskCompletionSource _releaseServer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task GetPagesAsync_ServerNeverAnswers_TimesOutPerAttemptAndInTotal()
    {
        await using var api = SilentServer();
        var time = TestTime.Fake();
        var logs = new RecordingLoggerProvider();
        using var sdk = new TestClient(_identity, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(12);
        }, time, logs);

        var call = sdk.Client.GetPagesAsync(_project);
        await ArrivalAsync();
        time.Advance(TimeSpan.FromSeconds(5)); // the first attempt times out
        await ArrivalAsync();
        time.Advance(TimeSpan.FromSeconds(5)); // the second too
        await ArrivalAsync();
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2)); // 12 s in all: the total timeout ends the third

        var error = await Assert.ThrowsAsync<DitioApiException>(() => call.WaitAsync(Cap));
        Assert.Equal(DitioFailureKind.Timeout, error.Kind);
        Assert.Null(error.StatusCode);
        var attempts = logs.Lines.Where(l => l.Category == "Ditio.Documents" && l.EventId.Id == 2).Select(l => l.Message).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, m => Assert.Contains("failed with", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DownloadAsync_ServerSilentLongerThanStallTimeout_FailsAsStalled()
    {
        await using var api = SilentServer();
        var time = TestTime.Fake();
        using var sdk = new TestClient(_identity, o => o.ApiBaseUrl = new Uri(api.BaseUri, "/core"), time);

        var call = sdk.Client.DownloadAsync(_project, "f1");
        await ArrivalAsync();
        time.Advance(TimeSpan.FromSeconds(59));
        await Task.WhenAny(call, Task.Delay(100));
        Assert.False(call.IsCompleted, "no stall before 60 s");
        time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => call.WaitAsync(Cap));
        Assert.Equal(DitioFailureKind.Timeout, error.Kind);
        Assert.Contains("stalled: no bytes moved for 60 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadAsync_SlowServer_HasNoAttemptTimeoutAndEndsOnlyWhenCancelled()
    {
        await using var api = SilentServer();
        var time = TestTime.Fake();
        using var sdk = new TestClient(_identity, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.Transfers.StallTimeout = TimeSpan.FromHours(1);
        }, time);
        using var cancel = new CancellationTokenSource();

        var call = sdk.Client.DownloadAsync(_project, "f1", cancellationToken: cancel.Token);
        await ArrivalAsync();
        time.Advance(TimeSpan.FromMinutes(10)); // far past the 30 s attempt and 2 min total timeouts of lookups
        await Task.WhenAny(call, Task.Delay(200));
        Assert.False(call.IsCompleted, "a transfer must not time out while the caller waits");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Cap));
        Assert.Single(api.Requests);
    }

    public void Dispose()
    {
        _releaseServer.TrySetResult();
        _identity.Dispose();
        _arrivals.Dispose();
    }

    private RawHttpServer SilentServer() => new((_, _, ct) =>
    {
        _arrivals.Release();
        return _releaseServer.Task.WaitAsync(ct);
    });

    private async Task ArrivalAsync() => Assert.True(await _arrivals.WaitAsync(Cap), "the request never reached the server");
}
