namespace Ditio.Documents;

/// <summary>A document downloaded to a file.</summary>
public sealed record DownloadedDocument
{
    /// <summary>Gets the full path the document was written to.</summary>
    public string Path { get; init; } = "";

    /// <summary>Gets the original file name Ditio sent, or <see langword="null"/> if none was sent.</summary>
    public string? FileName { get; init; }

    /// <summary>Gets the media type Ditio sent.</summary>
    public string ContentType { get; init; } = "";

    /// <summary>Gets the number of bytes written.</summary>
    public long Length { get; init; }
}
