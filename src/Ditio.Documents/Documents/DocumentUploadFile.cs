using Ditio.Documents.Internal.Uploads;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

/// <summary>One file to upload: a path on disk or a stream, with the name it gets in Ditio.</summary>
/// <remarks>
/// Files are streamed, never read whole into memory. A file on disk is opened afresh for each attempt, and a seekable
/// stream is rewound, so retries send the whole body again; a forward-only stream can be sent once only, so an upload
/// that contains one is never retried.
/// </remarks>
public sealed class DocumentUploadFile
{
    private DocumentUploadFile(string fileName, string contentType, string? path, Stream? stream, long? length)
    {
        FileName = fileName;
        ContentType = contentType;
        FilePath = path;
        Stream = stream;
        Length = length;
    }

    /// <summary>Gets the file name the document gets in Ditio.</summary>
    public string FileName { get; }

    /// <summary>Gets the media type sent with the file.</summary>
    public string ContentType { get; }

    /// <summary>Gets the path of the file on disk, or <see langword="null"/> for a stream.</summary>
    public string? FilePath { get; }

    /// <summary>Gets the length in bytes when known (files and seekable streams).</summary>
    public long? Length { get; }

    /// <summary>Gets a value indicating whether the content can be sent again from the start (false only for forward-only streams).</summary>
    public bool IsReplayable => Stream is null || Stream.CanSeek;

    internal Stream? Stream { get; }

    /// <summary>Uploads a file on disk.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="fileName">The name in Ditio; defaults to the file's own name.</param>
    /// <param name="contentType">The media type; defaults to one derived from the extension.</param>
    /// <returns>The file to upload.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names no existing file, <paramref name="fileName"/> is not a valid file name, or <paramref name="contentType"/> is not a media type.</exception>
    public static DocumentUploadFile FromPath(string path, string? fileName = null, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ArgumentException($"The file '{path}' does not exist (or is a folder): only existing files can be uploaded.", nameof(path));
        }

        var name = Guard.FileName(fileName ?? info.Name, fileName is null ? nameof(path) : nameof(fileName));
        return new DocumentUploadFile(name, Guard.MediaType(contentType, nameof(contentType)) ?? MediaTypes.FromFileName(name), info.FullName, null, info.Length);
    }

    /// <summary>Uploads the content of a stream, from its current position.</summary>
    /// <remarks>
    /// A stream that can seek must report its true <see cref="Stream.Length"/>: it is sent as the part's size and
    /// rewound for retries. Wrap a stream whose length is not final (a multipart section over a seekable body, say)
    /// in a forward-only stream, or copy it to a file first.
    /// </remarks>
    /// <param name="content">The stream; it must be readable. It is not disposed: the caller owns it.</param>
    /// <param name="fileName">The name in Ditio, such as <c>Drawing-A1.pdf</c>.</param>
    /// <param name="contentType">The media type; defaults to one derived from the extension.</param>
    /// <returns>The file to upload.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> is not readable, <paramref name="fileName"/> is not a valid file name, or <paramref name="contentType"/> is not a media type.</exception>
    public static DocumentUploadFile FromStream(Stream content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(content));
        }

        var name = Guard.FileName(fileName, nameof(fileName));
        long? length = content.CanSeek ? content.Length - content.Position : null;
        return new DocumentUploadFile(name, Guard.MediaType(contentType, nameof(contentType)) ?? MediaTypes.FromFileName(name), null, content, length);
    }

    /// <summary>Describes the file by name and source.</summary>
    /// <returns>The file name, and its path or "stream".</returns>
    public override string ToString() => $"{FileName} ({FilePath ?? "stream"})";
}
