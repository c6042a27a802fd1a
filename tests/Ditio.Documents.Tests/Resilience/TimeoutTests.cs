using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ditio.Documents.Tests.Resilience;

public sealed class TimeoutTests : IDisposable
{
    private readonly DitioWireMock _identity = new();
    private readonly TaskCompletionSource _releaseServer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task GetPagesAsync_ServerNeverAnswers_TimesOutPerAttemptAndInTotal()
    {
        await using var api = new RawHttpServer((_, _, ct) => _releaseServer.Task.WaitAsync(ct));
        var time = TestTime.Fake();
        var logs = new RecordingLoggerProvider();
        using var sdk = new TestClient(_identity, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(12);
        }, time, logs);

        var call = sdk.Client.GetPagesAsync(_project);
        var advanced = await AdvanceUntilDone(time, call, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => call);
        Assert.Equal(DitioFailureKind.Timeout, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.InRange(advanced, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(13));
        var attempts = logs.Lines.Where(l => l.Category == "Ditio.Documents" && l.EventId.Id == 2).Select(l => l.Message).ToList();
        Assert.Equal(3, attempts.Count); // 5 s, 5 s, then the total of 12 s ends the third
        Assert.All(attempts, m => Assert.Contains("failed with", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DownloadAsync_ServerSilentLongerThanStallTimeout_FailsAsStalled()
    {
        await using var api = new RawHttpServer((_, _, ct) => _releaseServer.Task.WaitAsync(ct));
        var time = TestTime.Fake();
        using var sdk = new TestClient(_identity, o => o.ApiBaseUrl = new Uri(api.BaseUri, "/core"), time);

        var call = sdk.Client.DownloadAsync(_project, "f1");
        var advanced = await AdvanceUntilDone(time, call, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => call);
        Assert.Equal(DitioFailureKind.Timeout, error.Kind);
        Assert.Contains("stalled: no bytes moved for 60 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(advanced, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(65));
    }

    [Fact]
    public async Task DownloadAsync_SlowServer_HasNoAttemptTimeoutAndEndsOnlyWhenCancelled()
    {
        await using var api = new RawHttpServer((_, _, ct) => _releaseServer.Task.WaitAsync(ct));
        var time = TestTime.Fake();
        using var sdk = new TestClient(_identity, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.Transfers.StallTimeout = TimeSpan.FromHours(1);
        }, time);
        using var cancel = new CancellationTokenSource();

        var call = sdk.Client.DownloadAsync(_project, "f1", cancellationToken: cancel.Token);
        await AdvanceUntilDone(time, call, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted, "a transfer must not time out while the caller waits");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(api.Requests);
    }

    public void Dispose()
    {
        _releaseServer.TrySetResult();
        _identity.Dispose();
    }

    /// <summary>Moves fake time on a step at a time until the call ends or the limit is reached; returns the time moved.</summary>
    private static async Task<TimeSpan> AdvanceUntilDone(FakeTimeProvider time, Task call, TimeSpan limit, TimeSpan step)
    {
        var advanced = TimeSpan.Zero;
        while (!call.IsCompleted && advanced < limit)
        {
            await Task.WhenAny(call, Task.Delay(20));
            if (!call.IsCompleted)
            {
                time.Advance(step);
                advanced += step;
            }
        }

        return advanced;
    }
}
