using System.Diagnostics;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Attacks on rule 9 with everything at once: many calls, a batch upload, a download being read synchronously and a
/// stalled token renewal all running when <c>Dispose</c> comes, and a <c>Dispose</c> made from inside the caller's own
/// progress callback. It returns within a second, and every call ends with <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class AttackDisposeTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task DisposedWhileManyCallsOfEveryKindRun_ReturnsWithinASecond_EveryCallEnds()
    {
        await using var api = HostileServer.Silent();
        await using var drip = HostileServer.Dripping("%PDF", contentLength: 1000);
        var client = DitioDocumentsClient.Create(Options(api.BaseUri));
        var reader = DitioDocumentsClient.Create(Options(drip.BaseUri));
        var download = await reader.DownloadAsync(_project, "doc-1").WaitAsync(Cap);
        Assert.Equal(4, await download.Content.ReadAsync(new byte[100]).AsTask().WaitAsync(Cap));
        var syncRead = Task.Run(() => download.Content.Read(new byte[100], 0, 100));
        var calls = Enumerable.Range(0, 8).Select(_ => (Task)client.GetPagesAsync(_project))
            .Append(client.UploadManyAsync(_project, Enumerable.Range(0, 4).Select(i => File($"f{i}.pdf"))))
            .Append(client.DeleteAsync(_project, "doc-1"))
            .ToList();
        for (var i = 0; i < 8; i++)
        {
            await api.ArrivalAsync();
        }

        var disposing = Stopwatch.StartNew();
        await Task.WhenAll(Task.Run(client.Dispose), Task.Run(reader.Dispose)).WaitAsync(Cap);
        disposing.Stop();

        Assert.True(disposing.Elapsed < TimeSpan.FromSeconds(1), $"Dispose took {disposing.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(Cap));
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => syncRead.WaitAsync(Cap));
        await download.DisposeAsync();
    }

    [Fact]
    public async Task DisposedFromTheCallersProgressCallback_ReturnsWithinASecond_TheUploadEnds()
    {
        await using var api = HostileServer.Silent();
        var client = DitioDocumentsClient.Create(Options(api.BaseUri));
        var took = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new Callback(() =>
        {
            var disposing = Stopwatch.StartNew();
            client.Dispose();
            took.TrySetResult(disposing.Elapsed);
        });

        var upload = client.UploadAsync(_project, [DocumentUploadFile.FromStream(new MemoryStream(new byte[300_000]), "a.pdf")], new() { Progress = progress });

        var elapsed = await took.Task.WaitAsync(Cap);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Dispose took {elapsed.TotalMilliseconds:F0} ms");
        await Assert.ThrowsAnyAsync<Exception>(() => upload.WaitAsync(Cap));
        Assert.True(api.Requests.Count <= 1);
    }

    [Fact]
    public async Task DisposedWhileDownloadToFileWaitsToRestart_TheCallEndsAtOnce()
    {
        var restartDelay = TimeSpan.FromMinutes(10);
        var time = new SignallingTime(TestTime.Fake(), restartDelay);
        await using var api = new RawHttpServer(async (_, stream, _) =>
        {
            // Announces 1000 bytes, sends 10, hangs up: the download restarts after BaseDelay (which fake time never ends).
            await RawHttpServer.WriteHeadAsync(stream, 200, 1000, ("Content-Type", "application/pdf"));
            await stream.WriteAsync(new byte[10]);
        });
        using var sdk = new TestClient(_ditio, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.Retry.BaseDelay = restartDelay;
            o.Retry.MaxDelay = restartDelay;
        }, time);
        var client = (DitioDocumentsClient)sdk.Client;
        var download = client.DownloadToFileAsync(_project, "doc-1", Path.Combine(Path.GetTempPath(), $"ditio-{Guid.NewGuid():N}.pdf"));
        await time.TimerCreated.WaitAsync(Cap);

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => download.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Single(api.Requests);
    }

    public void Dispose() => _ditio.Dispose();

    private static DocumentUploadFile File(string name) => DocumentUploadFile.FromStream(new MemoryStream(new byte[1000]), name);

    private DitioDocumentsOptions Options(Uri api) => new()
    {
        ApiBaseUrl = new Uri(api, "/core"),
        IdentityBaseUrl = _ditio.IdentityBase,
        ClientId = DitioWireMock.ClientId,
        ClientSecret = DitioWireMock.ClientSecret,
    };

    /// <summary>Fake time that signals when a timer of one duration is made (the wait before a restart).</summary>
    private sealed class SignallingTime(Microsoft.Extensions.Time.Testing.FakeTimeProvider inner, TimeSpan watched) : TimeProvider
    {
        private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _created.Task;

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = inner.CreateTimer(callback, state, dueTime, period);
            if (dueTime == watched)
            {
                _created.TrySetResult();
            }

            return timer;
        }
    }

    private sealed class Callback(Action action) : IProgress<DocumentTransferProgress>
    {
        private int _calls;

        public void Report(DocumentTransferProgress value)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                action();
            }
        }
    }
}
