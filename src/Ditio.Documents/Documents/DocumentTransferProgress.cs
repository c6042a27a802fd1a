namespace Ditio.Documents;

/// <summary>How far an upload or download has come: the current file and the whole transfer.</summary>
/// <remarks>
/// Reported at most once per 64 KB moved and once when a file completes, so a progress bar stays smooth and cheap.
/// A retried request starts its files again from zero.
/// </remarks>
public sealed record DocumentTransferProgress
{
    /// <summary>Gets the name of the file that moved.</summary>
    public required string FileName { get; init; }

    /// <summary>Gets the bytes of that file moved so far.</summary>
    public required long FileBytesTransferred { get; init; }

    /// <summary>Gets the size of that file, when known.</summary>
    public long? FileTotalBytes { get; init; }

    /// <summary>Gets the bytes of the whole transfer moved so far.</summary>
    public required long BytesTransferred { get; init; }

    /// <summary>Gets the size of the whole transfer, when known.</summary>
    public long? TotalBytes { get; init; }
}
