using System.Net;
using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ditio.Documents.Tests.Resilience;

/// <summary>
/// Timeouts on fake time. Time moves only once the server has seen the request, so the SDK's timers exist before
/// the clock moves past them; every wait on a real event is capped, so a broken SDK fails the test instead of hanging it.
/// </summary>
public sealed class TimeoutTests : IDisposable
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    private static readonly string PagesPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
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

        // Cancelled on the way out, so that a call a failure leaves running cannot hang the disposal of the client.
        using var ending = new CancellationTokenSource();
        try
        {
            var call = sdk.Client.GetPagesAsync(_project, ending.Token);
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
        }
        finally
        {
            await ending.CancelAsync();
        }

        var attempts = logs.Lines.Where(l => l.Category == "Ditio.Documents" && l.EventId.Id == 2).Select(l => l.Message).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, m => Assert.Contains("failed with", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetPagesAsync_RetryWaitWouldEndPastTheDeadline_FailsAtOnceWithTheLastAnswer()
    {
        using var sdk = RetryingClient(o => o.Retry.TotalTimeout = TimeSpan.FromSeconds(5));
        _identity.GivenSequence("GET", PagesPath, () => DitioWireMock.Message(503, headers: ("Retry-After", "20")), () => DitioWireMock.Json(200, "[]"));

        // No time moves: a 20 s wait cannot fit in a 5 s call, so the call does not wait for it.
        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(_project, sdk.Ending).WaitAsync(Cap));

        Assert.Equal(DitioFailureKind.ErrorResponse, error.Kind);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), error.RetryAfter);
        Assert.Single(_identity.ApiRequests);
    }

    [Fact]
    public async Task GetPagesAsync_BackoffWaitWouldEndPastTheDeadline_FailsAtOnce()
    {
        using var sdk = RetryingClient(o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromSeconds(4);
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(3);
        });
        _identity.GivenStatus("GET", PagesPath, 502);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(_project, sdk.Ending).WaitAsync(Cap));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Single(_identity.ApiRequests);
    }

    [Fact]
    public async Task GetPagesAsync_CallerCancelsDuringRetryWait_IsCancelledNotTimedOut()
    {
        using var sdk = RetryingClient(o => o.Retry.TotalTimeout = TimeSpan.FromSeconds(30));
        _identity.GivenSequence("GET", PagesPath, () => DitioWireMock.Message(503, headers: ("Retry-After", "20")), () => DitioWireMock.Json(200, "[]"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(sdk.Ending);

        var call = sdk.Client.GetPagesAsync(_project, cancel.Token);
        await sdk.Retrying.WaitAsync(Cap);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Cap));
        Assert.Single(_identity.ApiRequests);
    }

    [Fact]
    public async Task GetPagesAsync_RetryWithinTheDeadline_Succeeds()
    {
        using var sdk = RetryingClient(o => o.Retry.TotalTimeout = TimeSpan.FromSeconds(10));
        _identity.GivenSequence("GET", PagesPath, () => DitioWireMock.Message(503, headers: ("Retry-After", "2")), () => DitioWireMock.Json(200, "[]"));

        var call = sdk.Client.GetPagesAsync(_project, sdk.Ending);
        await sdk.Retrying.WaitAsync(Cap);

        // The wait's timer is made just after the retry is logged, on another thread: move on a second at a time.
        var realTime = System.Diagnostics.Stopwatch.StartNew();
        while (!call.IsCompleted && realTime.Elapsed < Cap)
        {
            sdk.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(20));
        }

        Assert.Empty(await call.WaitAsync(Cap));
        Assert.Equal(2, _identity.ApiRequests.Count);
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

    /// <summary>A client of the WireMock server on fake time, with attempts of 1 s.</summary>
    private RetryingTestClient RetryingClient(Action<DitioDocumentsOptions> configure) => new(_identity, o =>
    {
        o.Retry.MaxDelay = TimeSpan.FromMinutes(1);
        o.Retry.AttemptTimeout = TimeSpan.FromSeconds(1);
        configure(o);
    });

    private RawHttpServer SilentServer() => new((_, _, ct) =>
    {
        _arrivals.Release();
        return _releaseServer.Task.WaitAsync(ct);
    });

    private async Task ArrivalAsync() => Assert.True(await _arrivals.WaitAsync(Cap), "the request never reached the server");
}

/// <summary>
/// A test client on fake time with a signal set when it logs its first retry. Calls made with <see cref="Ending"/> are
/// cancelled when it is disposed, so a call that a failed test left waiting on fake time ends (Polly waits for running
/// calls before its pipelines go, which would hang the test run).
/// </summary>
internal sealed class RetryingTestClient : IDisposable
{
    private readonly TestClient _sdk;
    private readonly TaskCompletionSource _retrying = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _ending = new();

    public RetryingTestClient(DitioWireMock mock, Action<DitioDocumentsOptions> configure)
    {
        var logs = new RecordingLoggerProvider();
        logs.Written += line =>
        {
            if (line.Category == "Ditio.Documents" && line.EventId.Id == 3)
            {
                _retrying.TrySetResult();
            }
        };
        _sdk = new TestClient(mock, configure, Time, logs);
    }

    public FakeTimeProvider Time { get; } = TestTime.Fake();

    public IDitioDocumentsClient Client => _sdk.Client;

    public Task Retrying => _retrying.Task;

    public CancellationToken Ending => _ending.Token;

    public void Dispose()
    {
        _ending.Cancel();
        _sdk.Dispose();
        _ending.Dispose();
    }
}
