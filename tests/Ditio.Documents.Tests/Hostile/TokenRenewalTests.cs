using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 4: a token renewal has its own timeout and honours the caller's cancellation; a renewal that stalled or failed
/// never poisons the next call, which renews afresh.
/// </summary>
public sealed class TokenRenewalTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private static readonly string PagesPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    public TokenRenewalTests() => _ditio.GivenJson("GET", PagesPath, 200, "[]");

    [Fact]
    public async Task StalledRenewal_CallerCancels_TheCallEndsAtOnce_TheRenewalAtItsOwnTimeout()
    {
        await using var identity = HostileServer.Silent();
        var time = TestTime.Fake();
        var renewalFailed = RenewalFailedSignal(out var logs);
        using var sdk = new TestClient(_ditio, NoRetriesFiveSecondAttempts(identity), time, logs);
        using var cancel = new CancellationTokenSource();

        var call = sdk.Client.GetPagesAsync(_project, cancel.Token);
        await identity.ArrivalAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Cap));
        Assert.False(renewalFailed.Task.IsCompleted, "the renewal is shared: one caller's cancellation does not end it");
        time.Advance(TimeSpan.FromSeconds(5));
        await renewalFailed.Task.WaitAsync(Cap);
        Assert.Empty(_ditio.ApiRequests);
    }

    [Fact]
    public async Task StalledRenewal_EndsAtItsTimeout_AndTheNextCallRenewsAfresh()
    {
        // The token answer's headers arrive, then its body stops: the renewal must still end.
        await using var identity = HostileServer.Sequence(HostileServer.DripToken, HostileServer.Token(DitioWireMock.Token));
        var time = TestTime.Fake();
        var renewalFailed = RenewalFailedSignal(out var logs);
        using var sdk = new TestClient(_ditio, NoRetriesFiveSecondAttempts(identity), time, logs);

        var first = sdk.Client.GetPagesAsync(_project);
        await identity.ArrivalAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<DitioException>(() => first.WaitAsync(Cap));
        await renewalFailed.Task.WaitAsync(Cap);

        Assert.Empty(await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));
        Assert.Equal(2, identity.Requests.Count);
        var sent = Assert.Single(_ditio.ApiRequests);
        Assert.Equal($"Bearer {DitioWireMock.Token}", sent.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task RenewalThatFails_IsNotCached_TheNextCallRenewsAfresh()
    {
        await using var identity = HostileServer.Sequence(
            (stream, _) => RawHttpServer.WriteJsonAsync(stream, 400, """{"error":"invalid_client"}"""),
            HostileServer.Token(DitioWireMock.Token));
        using var sdk = new TestClient(_ditio, o => o.IdentityBaseUrl = identity.BaseUri);

        await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));
        Assert.Empty(await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));

        Assert.Equal(2, identity.Requests.Count);
    }

    public void Dispose() => _ditio.Dispose();

    private static Action<DitioDocumentsOptions> NoRetriesFiveSecondAttempts(HostileServer identity) => o =>
    {
        o.IdentityBaseUrl = identity.BaseUri;
        o.Retry.MaxRetryAttempts = 0;
        o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5);
        o.Retry.TotalTimeout = TimeSpan.FromSeconds(10);
    };

    /// <summary>Set when the SDK logs that a renewal failed (event 6), so the next call cannot join the failing one.</summary>
    private static TaskCompletionSource RenewalFailedSignal(out RecordingLoggerProvider logs)
    {
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        logs = new RecordingLoggerProvider();
        logs.Written += line =>
        {
            if (line.Category == "Ditio.Documents" && line.EventId.Id == 6)
            {
                failed.TrySetResult();
            }
        };
        return failed;
    }
}
