using System.Net;
using System.Text;
using Ditio.Documents.Tests.Infrastructure;
using WireMock;

namespace Ditio.Documents.Tests.Resilience;

public sealed class RetryTests : IDisposable
{
    private static readonly string UploadPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private static readonly string PagesPath = UploadPath;
    private readonly DitioWireMock _mock = new();
    private readonly TestClient _sdk;
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    public RetryTests() => _sdk = new TestClient(_mock);

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task GetPagesAsync_TransientStatusTwice_RetriesAndSucceeds(int status)
    {
        _mock.GivenSequence("GET", PagesPath, () => DitioWireMock.Message(status), () => DitioWireMock.Message(status), () => DitioWireMock.Json(200, "[]"));

        var pages = await _sdk.Client.GetPagesAsync(_project);

        Assert.Empty(pages);
        Assert.Equal(3, _mock.ApiRequests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task GetPagesAsync_NonTransientStatus_IsNotRetried(int status)
    {
        _mock.GivenStatus("GET", PagesPath, status);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetPagesAsync(_project));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task GetPagesAsync_TransientStatusBeyondTheBudget_FailsAfterMaxRetryAttempts()
    {
        _mock.GivenStatus("GET", PagesPath, 503, "down for maintenance");

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetPagesAsync(_project));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1 + DitioRetryOptions.DefaultMaxRetryAttempts, _mock.ApiRequests.Count);
    }

    [Fact]
    public async Task UploadAsync_WithoutReplace503_IsNotRetriedBecauseItCouldStoreASecondCopy()
    {
        _mock.GivenSequence("POST", UploadPath, () => DitioWireMock.Message(503), () => DitioWireMock.Json(200, DitioWireMock.UploadOk()));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.UploadAsync(_project, [FromBytes("a.pdf", "abc")]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task UploadAsync_WithoutReplace429_IsRetriedBecauseTheServerRefusedItUnprocessed()
    {
        _mock.GivenSequence("POST", UploadPath, () => DitioWireMock.Message(429), () => DitioWireMock.Json(200, DitioWireMock.UploadOk()));

        await _sdk.Client.UploadAsync(_project, [FromBytes("a.pdf", "abc")]);

        Assert.Equal(2, _mock.ApiRequests.Count);
    }

    [Fact]
    public async Task UploadAsync_WithReplaceTransientFailures_RetriesAndResendsTheWholeBodyEachTime()
    {
        _mock.GivenSequence("POST", UploadPath, () => DitioWireMock.Message(500), () => DitioWireMock.Message(502), () => DitioWireMock.Json(200, DitioWireMock.UploadOk()));
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "file on disk");
        using var seekable = new MemoryStream(Encoding.UTF8.GetBytes("XXseekable"));
        seekable.Position = 2;

        try
        {
            await _sdk.Client.UploadAsync(
                _project,
                [DocumentUploadFile.FromPath(file, "disk.pdf"), DocumentUploadFile.FromStream(seekable, "stream.pdf")],
                new DocumentUploadOptions { ReplaceExistingFilesWithSameName = true });
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Equal(3, _mock.ApiRequests.Count);
        Assert.All(_mock.ApiRequests, r =>
        {
            var parts = MultipartBody.Parse(r.BodyAsBytes!, r.Headers!["Content-Type"].Single()).Parts;
            Assert.Equal(["file on disk", "seekable"], parts.Select(p => Encoding.UTF8.GetString(p.Content)));
        });
    }

    [Fact]
    public async Task UploadAsync_ForwardOnlyStreamWithReplace_IsSentOnceAndNotRetried()
    {
        _mock.GivenSequence("POST", UploadPath, () => DitioWireMock.Message(503), () => DitioWireMock.Json(200, DitioWireMock.UploadOk()));
        using var forwardOnly = new ForwardOnlyStream(Encoding.UTF8.GetBytes("once"));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.UploadAsync(
            _project, [DocumentUploadFile.FromStream(forwardOnly, "a.pdf")], new DocumentUploadOptions { ReplaceExistingFilesWithSameName = true }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        var request = Assert.Single(_mock.ApiRequests);
        Assert.Contains("Transfer-Encoding", request.Headers!.Keys);
    }

    [Fact]
    public async Task UploadAsync_WithoutReplaceConnectionRefused_IsRetriedBecauseNothingWasSent()
    {
        var logs = new RecordingLoggerProvider();
        using var sdk = new TestClient(_mock, o => o.ApiBaseUrl = new Uri($"http://127.0.0.1:{ClosedPort()}/core"), logs: logs);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.UploadAsync(_project, [FromBytes("a.pdf", "abc")]));

        Assert.Equal(DitioFailureKind.NoResponse, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.Equal(1 + DitioRetryOptions.DefaultMaxRetryAttempts, logs.Lines.Count(l => l.Category == "Ditio.Documents" && l.EventId.Id == 2));
    }

    [Fact]
    public async Task GetPagesAsync_RetryAfterHeader_WaitsExactlyThatLong()
    {
        var time = TestTime.Fake();
        var logs = new RecordingLoggerProvider();
        var retrying = new TaskCompletionSource<RecordingLoggerProvider.LogLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        logs.Written += line =>
        {
            if (line.Category == "Ditio.Documents" && line.EventId.Id == 3)
            {
                retrying.TrySetResult(line);
            }
        };
        using var sdk = new TestClient(_mock, o => o.Retry.MaxDelay = TimeSpan.FromMinutes(1), time, logs);
        _mock.GivenSequence("GET", PagesPath, () => DitioWireMock.Message(503, headers: ("Retry-After", "7")), () => DitioWireMock.Json(200, "[]"));

        var call = sdk.Client.GetPagesAsync(_project);
        var line = await retrying.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("DelayMs=7000;", line.State, StringComparison.Ordinal);

        // The delay's timer is created just after that log line, on another thread: move time on a second at a time
        // until the retry happens. It cannot happen before 7 s of fake time have passed since the timer was made.
        var advanced = TimeSpan.Zero;
        var realTime = System.Diagnostics.Stopwatch.StartNew();
        while (!call.IsCompleted && realTime.Elapsed < TimeSpan.FromSeconds(30))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.WhenAny(call, Task.Delay(20));
        }

        await call.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(advanced >= TimeSpan.FromSeconds(7), $"retried after {advanced} of fake time");
        Assert.Equal(2, _mock.ApiRequests.Count);
    }

    [Fact]
    public async Task GetPagesAsync_RetryAfterBeyondMaxRetryAfter_FailsAtOnceWithTheRequestedPause()
    {
        _mock.GivenSequence("GET", PagesPath, () => DitioWireMock.Message(429, headers: ("Retry-After", "3600")), () => DitioWireMock.Json(200, "[]"));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetPagesAsync(_project));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task DeleteAsync_MaxRetryAttemptsZero_TriesOnce()
    {
        using var sdk = new TestClient(_mock, o => o.Retry.MaxRetryAttempts = 0);
        _mock.GivenStatus("DELETE", $"{UploadPath}/f1", 503);

        await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.DeleteAsync(_project, "f1"));

        Assert.Single(_mock.ApiRequests);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
    }

    internal static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static DocumentUploadFile FromBytes(string name, string content) =>
        DocumentUploadFile.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(content)), name);

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
