using System.Net;
using System.Net.Http.Headers;
using Ditio.Documents.Internal.Http;

namespace Ditio.Documents.Internal.Uploads;

/// <summary>
/// One file part, streamed. A file is opened afresh each time the part is sent and a seekable stream is rewound, so
/// a retry sends the whole body again; a forward-only stream is sent once.
/// </summary>
internal sealed class FilePartContent : HttpContent
{
    private const int CopyBufferSize = 81920;
    private readonly DocumentUploadFile _file;
    private readonly long _startPosition;
    private readonly long? _length;
    private bool _sent;

    public FilePartContent(DocumentUploadFile file)
    {
        _file = file;
        if (file.Stream is { CanSeek: true } stream)
        {
            _startPosition = stream.Position;
            _length = stream.Length - _startPosition;
        }
        else if (file.FilePath is { } path)
        {
            _length = new FileInfo(path).Length;
        }

        Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        Headers.TryAddWithoutValidation("Content-Disposition", ContentDispositionFormat.FormDataFile("file", file.FileName));
    }

    public bool IsReplayable => _file.IsReplayable;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_file.FilePath is { } path)
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (file.ConfigureAwait(false))
            {
                await file.CopyToAsync(stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var source = _file.Stream!;
        if (source.CanSeek)
        {
            source.Position = _startPosition;
        }
        else if (_sent)
        {
            throw new InvalidOperationException($"The forward-only stream of '{_file.FileName}' was already sent and cannot be sent again.");
        }

        _sent = true;
        await source.CopyToAsync(stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}
