using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 8: an exception thrown by the caller's own code (its progress callback, its stream) surfaces as itself, is
/// never retried (even on an upload that replaces by name, which would otherwise be retried), and is never reported as
/// a Ditio failure.
/// </summary>
public sealed class CallerFaultTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private static readonly string UploadPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private readonly DitioWireMock _ditio = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    public CallerFaultTests() => _ditio.GivenJson("POST", UploadPath, 200, DitioWireMock.UploadOk("a.pdf"));

    [Fact]
    public async Task UploadProgressCallbackThrows_TheCallersExceptionSurfaces_SentOnce()
    {
        using var sdk = new TestClient(_ditio, logs: _logs);
        var thrown = new InvalidOperationException("the caller's progress bar broke");
        var options = new DocumentUploadOptions { ReplaceExistingFilesWithSameName = true, Progress = new Throwing(thrown) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sdk.Client.UploadAsync(_project, [File(200_000)], options).WaitAsync(Cap));

        Assert.Same(thrown, error);
        Assert.Equal(1, Attempts());
        Assert.DoesNotContain(_logs.Lines, l => l.EventId.Id == 8);
    }

    [Fact]
    public async Task CallersStreamThrows_TheCallersExceptionSurfaces_SentOnce()
    {
        using var sdk = new TestClient(_ditio, logs: _logs);
        var thrown = new IOException("the caller's share went away");

        var error = await Assert.ThrowsAsync<IOException>(() => sdk.Client.UploadAsync(
            _project, [DocumentUploadFile.FromStream(new FailingStream(thrown), "a.pdf")], new() { ReplaceExistingFilesWithSameName = true }).WaitAsync(Cap));

        Assert.Same(thrown, error);
        Assert.Equal(1, Attempts());
    }

    [Fact]
    public async Task UploadManyProgressCallbackThrows_TheCallersExceptionSurfaces()
    {
        using var sdk = new TestClient(_ditio, logs: _logs);
        var thrown = new InvalidOperationException("the caller's progress bar broke");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sdk.Client.UploadManyAsync(
            _project, [File(200_000)], new() { ReplaceExistingFilesWithSameName = true, Progress = new Throwing(thrown) }).WaitAsync(Cap));

        Assert.Same(thrown, error);
        Assert.Equal(1, Attempts());
    }

    [Fact]
    public async Task DownloadProgressCallbackThrows_TheCallersExceptionSurfaces()
    {
        _ditio.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(UploadPath + "/doc-1").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(new byte[100_000]));
        using var sdk = new TestClient(_ditio, logs: _logs);
        var thrown = new InvalidOperationException("the caller's progress bar broke");
        var target = Path.Combine(Path.GetTempPath(), $"ditio-{Guid.NewGuid():N}.pdf");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sdk.Client.DownloadToFileAsync(_project, "doc-1", target, new Throwing(thrown)).WaitAsync(Cap));

        Assert.Same(thrown, error);
        Assert.False(System.IO.File.Exists(target));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $".{Path.GetFileName(target)}*"));
    }

    public void Dispose() => _ditio.Dispose();

    private static DocumentUploadFile File(int size) => DocumentUploadFile.FromStream(new MemoryStream(new byte[size]), "a.pdf");

    /// <summary>The attempts the SDK made, from its Debug line per attempt (a body cut off mid-way never reaches the server's log).</summary>
    private int Attempts() => _logs.Lines.Count(l => l.Category == "Ditio.Documents" && l.EventId.Id is 1 or 2 && l.Message.Contains("POST", StringComparison.Ordinal));

    private sealed class Throwing(Exception exception) : IProgress<DocumentTransferProgress>
    {
        public void Report(DocumentTransferProgress value) => throw exception;
    }

    /// <summary>Gives 1000 bytes, then fails every read (each way of reading: the netstandard2.0 build reads with arrays).</summary>
    private sealed class FailingStream(Exception exception) : MemoryStream(new byte[100_000])
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position > 0 ? ValueTask.FromException<int>(exception) : base.ReadAsync(buffer[..1000], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Position > 0 ? Task.FromException<int>(exception) : base.ReadAsync(buffer, offset, Math.Min(count, 1000), cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) =>
            Position > 0 ? throw exception : base.Read(buffer, offset, Math.Min(count, 1000));
    }
}
