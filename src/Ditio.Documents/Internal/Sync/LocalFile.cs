using System.Security.Cryptography;

namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// A file of the synced folder: the path it is read from (a followed link's real target), its path relative to the
/// folder and its name there (the link's own), the section it goes to, and (once needed) its length and hash as read.
/// </summary>
internal sealed class LocalFile(string readPath, string relativePath, string? section)
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private string? _sha256;

    public string ReadPath { get; } = readPath;

    public string RelativePath { get; } = relativePath;

    public string? Section { get; } = section;

    public string Name { get; } = relativePath[(relativePath.LastIndexOf('/') + 1)..];

    /// <summary>Gets the length of the file itself (a link's target, never the link).</summary>
    public long Size { get; } = new FileInfo(readPath).Length;

    public string Key => SyncManifest.Key(Section, RelativePath);

    /// <summary>The file's SHA-256. An empty file is never opened: a named pipe or device node reads as empty and would block the open.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public async Task<string> Sha256Async(CancellationToken cancellationToken)
    {
        if (_sha256 is null && Size == 0)
        {
            _sha256 = EmptySha256;
        }

        if (_sha256 is null)
        {
            var stream = new FileStream(ReadPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                _sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            }
        }

        return _sha256;
    }

    /// <summary>The file as an upload: read from <see cref="ReadPath"/> (an empty one is never opened), named <see cref="Name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one Ditio takes (control characters), or the file is gone.</exception>
    public DocumentUploadFile ToUpload() => DocumentUploadFile.FromPath(ReadPath, Name);
}
