using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Attacks on an upload whose source (the caller's stream) gives nothing and waits: the netstandard2.0 build has no
/// cancellable <c>SerializeToStreamAsync</c>, so the copy is not handed the request's token. The call must still end
/// when the caller cancels, and at the stall timeout when nobody does, on every build. (On .NET 10 too: SocketsHttpHandler
/// hands HTTP/1.1 content a token that is never cancelled, and waits for the content before it gives up the request.)
/// </summary>
public sealed class Attack2UploadStallTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CallersStreamWaits_CallerCancels_TheUploadEndsCancelled(bool seekable)
    {
        await using var server = HostileServer.Silent();
        using var sdk = new TestClient(_ditio, o => o.ApiBaseUrl = new Uri(server.BaseUri, "/core"));
        using var source = new WaitingStream(seekable);
        using var cancel = new CancellationTokenSource();

        var call = sdk.Client.UploadAsync(_project, [DocumentUploadFile.FromStream(source, "a.pdf")], null, cancel.Token);
        await source.ReadStarted.WaitAsync(Cap);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Cap));
        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CallersStreamWaits_PastTheStallTimeout_TheUploadFailsAsStalled_SentOnce(bool seekable)
    {
        await using var server = HostileServer.Silent();
        var time = TestTime.Fake();
        using var sdk = new TestClient(_ditio, o => o.ApiBaseUrl = new Uri(server.BaseUri, "/core"), time);
        using var source = new WaitingStream(seekable);

        var call = sdk.Client.UploadAsync(_project, [DocumentUploadFile.FromStream(source, "a.pdf")], new() { ReplaceExistingFilesWithSameName = true });
        await source.ReadStarted.WaitAsync(Cap);
        time.Advance(TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => call.WaitAsync(Cap));
        Assert.True(error is DitioApiException { Kind: DitioFailureKind.Timeout }, error.ToString());
        Assert.Contains("stalled", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, source.Reads);
    }

    public void Dispose() => _ditio.Dispose();

    /// <summary>A caller's stream of 1000 bytes that gives none: each read waits until its token is cancelled.</summary>
    private sealed class WaitingStream(bool seekable) : Stream
    {
        private readonly TaskCompletionSource _readStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int _reads;

        public Task ReadStarted => _readStarted.Task;

        public int Reads => Volatile.Read(ref _reads);

        public override bool CanRead => true;

        public override bool CanSeek => seekable;

        public override bool CanWrite => false;

        public override long Length => seekable ? 1000 : throw new NotSupportedException();

        public override long Position { get => 0; set { } }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            await ReadAsync(buffer.AsMemory(offset, count), cancellationToken);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            _readStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("sync read");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => 0;

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
