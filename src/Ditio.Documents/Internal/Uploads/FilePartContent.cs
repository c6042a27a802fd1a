using System.Net;
using System.Net.Http.Headers;
using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Transfers;

namespace Ditio.Documents.Internal.Uploads;

/// <summary>
/// One file part, streamed through a 64 KB buffer. A file is opened afresh each time the part is sent and a seekable
/// stream is rewound, so a retry sends the whole body again; a forward-only stream is sent once. Each chunk sent is
/// reported to the progress tracker, which also re-arms the stall watchdog. What the caller's side throws (its stream,
/// its file, its progress callback) is noted on the <see cref="DitioCall"/> as the caller's: never retried, never
/// reported as Ditio's. Reads of the caller's side follow the call's own token (its caller, its client's lifetime, its
/// stall watchdog): the HTTP stack's token cannot be relied on to end them (SocketsHttpHandler hands HTTP/1.1 content
/// one that is never cancelled, netstandard2.0 none at all), and its request waits for the content to end.
/// </summary>
internal sealed class FilePartContent : HttpContent
{
    internal const int ChunkSize = 64 * 1024;
    private readonly DocumentUploadFile _file;
    private readonly DitioCall _call;
    private readonly long _startPosition;
    private readonly long? _length;
    private readonly ProgressTracker.FileProgress? _progress;
    private readonly CancellationToken _callToken;
    private bool _sent;

    public FilePartContent(DocumentUploadFile file, DitioCall call, ProgressTracker? tracker, StallWatchdog? watchdog)
    {
        _file = file;
        _call = call;
        _callToken = watchdog?.Token ?? CancellationToken.None;
        if (file.Stream is { CanSeek: true } stream)
        {
            _startPosition = stream.Position;
            _length = stream.Length - _startPosition;
        }
        else if (file.FilePath is { } path)
        {
            _length = new FileInfo(path).Length;
        }

        _progress = tracker?.StartFile(file.FileName, _length, watchdog);
        Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
#if NET
        Headers.TryAddWithoutValidation("Content-Disposition", ContentDispositionFormat.FormDataFile("file", file.FileName));
#else
        // .NET Framework writes part headers as Latin-1 and has no encoding selector: the header is given as the Latin-1
        // characters of its UTF-8 bytes, so the same bytes go on the wire as on .NET.
        Headers.TryAddWithoutValidation(
            "Content-Disposition", System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(ContentDispositionFormat.FormDataFile("file", file.FileName))));
#endif
    }

    public bool IsReplayable => _file.IsReplayable;

    public long? Length => _length;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

#if NET
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
#else
    // .NET Framework's HttpContent has no cancellable overload; the stall watchdog and the call's deadline still end a copy.
    private async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
#endif
    {
        using var callOrTransport = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _callToken);
        await WritePartAsync(stream, callOrTransport.Token).ConfigureAwait(false);
    }

    private async Task WritePartAsync(Stream stream, CancellationToken cancellationToken)
    {
        _progress?.Restart();
        if (_file.FilePath is not null && _length == 0)
        {
            // Nothing to read, so nothing is opened: a named pipe or device node reads as empty and its open would block.
            _progress?.Complete();
            return;
        }

        if (_file.FilePath is { } path)
        {
            var file = _call.RunCallerCode(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan));
            await using (file.ConfigureAwait(false))
            {
                await CopyAsync(file, stream, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var source = _file.Stream!;
        if (source.CanSeek)
        {
            _call.RunCallerCode(() => source.Position = _startPosition);
        }
        else if (_sent)
        {
            throw new InvalidOperationException($"The forward-only stream of '{_file.FileName}' was already sent and cannot be sent again.");
        }

        _sent = true;
        await CopyAsync(source, stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A read of the caller's stream or file: what it throws is the caller's, unless it is the call's own cancellation.</summary>
    private async ValueTask<int> ReadSourceAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw _call.NoteCallerFault(ex);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }

    /// <summary>
    /// A file or seekable stream that gives more or fewer bytes than the length it announced (and that the request's
    /// Content-Length was made from) broke the caller's side of the contract: its fault, noted as such, so the upload
    /// is neither retried nor reported as Ditio's failure.
    /// </summary>
    private void CheckLength(long sent, bool ended)
    {
        if (_length is { } expected && (sent > expected || (ended && sent != expected)))
        {
            var source = _file.FilePath is { } path ? $"The file '{path}'" : $"The stream of '{_file.FileName}'";
            throw _call.NoteCallerFault(new InvalidOperationException(
                $"{source} gave {(sent > expected ? "more than" : "only")} {(sent > expected ? expected : sent)} bytes, but its length was {expected} when the upload began: it changed while it was sent, or its Length is not true. Nothing was stored."));
        }
    }

    private async Task CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            long sent = 0;
            while ((read = await ReadSourceAsync(source, buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sent += read;
                CheckLength(sent, ended: false);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                Telemetry.DitioTelemetry.Transferred(read, upload: true);
                if (_progress is { } progress)
                {
                    _call.RunCallerCode(() => progress.Moved(read));
                }
            }

            CheckLength(sent, ended: true);
            if (_progress is { } done)
            {
                _call.RunCallerCode(done.Complete);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
