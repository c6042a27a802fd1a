using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 3: the attempt and total timeouts cover the whole exchange, body included. A server that sends the headers and
/// then drips (here: stops) the body ends the call within the total timeout with Kind Timeout, for a JSON answer and a
/// token answer alike. On fake time: the clock moves only once the server has the request.
/// </summary>
public sealed class AnswerTimeoutTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task JsonAnswer_HeadersThenTheBodyStops_EndsAtTheTotalTimeoutAsTimeout()
    {
        await using var api = HostileServer.Dripping("[{\"section\":\"Dr");
        var time = TestTime.Fake();
        using var ending = new CancellationTokenSource();
        using var sdk = new TestClient(_ditio, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(12);
        }, time);
        try
        {
            var call = sdk.Client.GetPagesAsync(_project, ending.Token);
            await api.ArrivalAsync();
            time.Advance(TimeSpan.FromSeconds(5));
            await api.ArrivalAsync();
            time.Advance(TimeSpan.FromSeconds(5));
            await api.ArrivalAsync();
            Assert.False(call.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(2));

            var error = await Assert.ThrowsAsync<DitioApiException>(() => call.WaitAsync(Cap));
            Assert.Equal(DitioFailureKind.Timeout, error.Kind);
            Assert.Equal(3, api.Requests.Count);
        }
        finally
        {
            await ending.CancelAsync();
        }
    }

    [Fact]
    public async Task TokenAnswer_HeadersThenTheBodyStops_EndsAtTheTotalTimeout_TheApiIsNeverCalled()
    {
        await using var identity = HostileServer.Dripping("{\"access_token\":\"eyJ", contentLength: 1000);
        var time = TestTime.Fake();
        using var ending = new CancellationTokenSource();
        using var sdk = new TestClient(_ditio, time: time, configure: o =>
        {
            o.IdentityBaseUrl = identity.BaseUri;
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(8);
        });
        try
        {
            var call = sdk.Client.GetProjectsAsync(ending.Token);
            await identity.ArrivalAsync();
            time.Advance(TimeSpan.FromSeconds(5));
            await identity.ArrivalAsync();
            Assert.False(call.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(3));

            // The call's own total timeout (which covers getting its token) ends it, at the same instant as the token's.
            var error = await Assert.ThrowsAsync<DitioApiException>(() => call.WaitAsync(Cap));
            Assert.Equal(DitioFailureKind.Timeout, error.Kind);
            Assert.Contains("no complete answer within the configured timeout", error.Message, StringComparison.Ordinal);
            Assert.Equal(2, identity.Requests.Count);
            Assert.Empty(_ditio.ApiRequests);
        }
        finally
        {
            await ending.CancelAsync();
        }
    }

    [Fact]
    public async Task DownloadBody_StaysUnderTheStallTimeout_NotTheAttemptTimeout()
    {
        await using var api = HostileServer.Dripping("%PDF-1.7", contentLength: 1000);
        var time = TestTime.Fake();
        using var sdk = new TestClient(_ditio, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(12);
            o.Transfers.StallTimeout = TimeSpan.FromSeconds(60);
        }, time);

        await using var download = await sdk.Client.DownloadAsync(_project, "doc-1").WaitAsync(Cap);
        var buffer = new byte[100];
        Assert.Equal(8, await download.Content.ReadAsync(buffer).AsTask().WaitAsync(Cap));
        var read = download.Content.ReadAsync(buffer).AsTask();
        time.Advance(TimeSpan.FromSeconds(30)); // past the attempt and total timeouts of a lookup
        await Task.WhenAny(read, Task.Delay(100));
        Assert.False(read.IsCompleted, "a download body is not under the attempt timeout");
        time.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => read.WaitAsync(Cap));
        Assert.Equal(DitioFailureKind.Timeout, error.Kind);
        Assert.Contains("stalled", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _ditio.Dispose();
}
