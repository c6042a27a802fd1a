using Ditio.Documents.Internal.Errors;
using Ditio.Documents.Internal.Transfers;

namespace Ditio.Documents.Internal.Downloads;

/// <summary>
/// The body of a download as the caller reads it: counts the bytes and checks them against Content-Length at the
/// end, reports progress, and fails a read that waits longer than the stall timeout for a byte. A lost connection or
/// a stall becomes a <see cref="DitioApiException"/>; a read under way when the client is disposed ends with
/// <see cref="ObjectDisposedException"/>. Synchronous reads are synchronous all the way down (no blocking on async work).
/// </summary>
internal sealed class DownloadStream : Stream
{
    private readonly Stream _inner;
    private readonly long? _expected;
    private readonly StallWatchdog _watchdog;
    private readonly ProgressTracker.FileProgress? _progress;
    private readonly string _path;
    private readonly CancellationTokenRegistration _abortOnStall;
    private readonly Func<DitioApiException, DitioApiException> _report;
    private long _read;

    /// <summary>Gets or sets the request id a failed read's exception carries (the answer's, or the download's trace id).</summary>
    public string? RequestId { get; init; }

    /// <summary>Wraps the body of a download.</summary>
    /// <param name="inner">The body as the transport gives it.</param>
    /// <param name="expected">The Content-Length, if announced.</param>
    /// <param name="watchdog">The transfer's stall watchdog, which also follows the client's lifetime.</param>
    /// <param name="progress">Where the bytes read are reported, if anywhere.</param>
    /// <param name="path">The request's path, for messages.</param>
    /// <param name="report">Called with each failure before it is thrown (the operation's one Warning line), and returns it.</param>
    public DownloadStream(
        Stream inner, long? expected, StallWatchdog watchdog, ProgressTracker.FileProgress? progress, string path, Func<DitioApiException, DitioApiException> report)
    {
        _report = report;
        _inner = inner;
        _expected = expected;
        _watchdog = watchdog;
        _progress = progress;
        _path = path;

        // A read blocked on a silent connection does not see a token; closing the stream ends it.
        _abortOnStall = watchdog.Token.Register(static s => ((Stream)s!).Dispose(), inner);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _expected ?? throw new NotSupportedException("The length of this download was not announced.");

    public override long Position { get => _read; set => throw new NotSupportedException(); }

#if NET
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
#else
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
#endif
    {
        int read;
        _watchdog.Kick();
        try
        {
            read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Failed(ex) is { } failure)
        {
            throw failure;
        }
        finally
        {
            _watchdog.Pause();
        }

        return Counted(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

#if NET
    public override int Read(Span<byte> buffer)
#else
    public int Read(Span<byte> buffer)
#endif
    {
        int read;
        _watchdog.Kick();
        try
        {
            read = _inner.Read(buffer);
        }
        catch (Exception ex) when (Failed(ex) is { } failure)
        {
            throw failure;
        }
        finally
        {
            _watchdog.Pause();
        }

        return Counted(read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _abortOnStall.Dispose();
            _inner.Dispose();
            _watchdog.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>What a failed read throws: a stall, the client's disposal, or a lost connection; null to let it through.</summary>
    private Exception? Failed(Exception exception)
    {
        if (_watchdog.Fired)
        {
            return _report(Stamped(DitioErrors.Stalled(HttpMethod.Get.Method, _path, _watchdog.Timeout, exception)));
        }

        if (_watchdog.Token.IsCancellationRequested)
        {
            return new ObjectDisposedException(nameof(DitioDocumentsClient), "The Ditio client was disposed while the download was being read.");
        }

        return exception is IOException or HttpRequestException or ObjectDisposedException
            ? Truncated($"the connection was lost after {_read} bytes: {exception.Message}", exception)
            : null;
    }

    private int Counted(int read)
    {
        _read += read;
        if (read > 0)
        {
            Telemetry.DitioTelemetry.Transferred(read, upload: false);
            _progress?.Moved(read);
        }
        else if (_expected is { } expected && _read != expected)
        {
            throw Truncated($"received {_read} bytes of the {expected} announced by Content-Length", null);
        }
        else
        {
            _progress?.Complete();
        }

        return read;
    }

    private DitioApiException Truncated(string detail, Exception? inner) => _report(Stamped(DitioErrors.Truncated(_path, detail, inner)));

    private DitioApiException Stamped(DitioApiException exception)
    {
        exception.Operation = "Download";
        exception.RequestId = RequestId;
        return exception;
    }

}
