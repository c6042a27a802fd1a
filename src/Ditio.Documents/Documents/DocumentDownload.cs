namespace Ditio.Documents;

/// <summary>
/// A document being downloaded: its bytes as a stream, read straight from the connection, and what Ditio said about it.
/// Dispose it to release the connection.
/// </summary>
public sealed class DocumentDownload : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal DocumentDownload(HttpResponseMessage response, Stream content, string? fileName, string contentType, long? contentLength)
    {
        _response = response;
        Content = content;
        FileName = fileName;
        ContentType = contentType;
        ContentLength = contentLength;
    }

    /// <summary>Gets the document's bytes. Read it once, then dispose the download.</summary>
    public Stream Content { get; }

    /// <summary>Gets the original file name from <c>Content-Disposition</c> (<c>filename*</c> first, else <c>filename</c>), or <see langword="null"/> if none was sent.</summary>
    public string? FileName { get; }

    /// <summary>Gets the media type Ditio sent (usually <c>application/octet-stream</c>).</summary>
    public string ContentType { get; }

    /// <summary>Gets the length in bytes from <c>Content-Length</c>, when sent.</summary>
    public long? ContentLength { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}
