using System.Security.Cryptography;

namespace Ditio.Documents.Internal.Sync;

/// <summary>A file of the synced folder: where it is, which section it goes to, and (once needed) its hash.</summary>
internal sealed class LocalFile(string fullPath, string relativePath, string? section, long size)
{
    private string? _sha256;

    public string FullPath { get; } = fullPath;

    public string RelativePath { get; } = relativePath;

    public string? Section { get; } = section;

    public string Name => Path.GetFileName(FullPath);

    public long Size { get; } = size;

    public async Task<string> Sha256Async(CancellationToken cancellationToken)
    {
        if (_sha256 is null)
        {
            var stream = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                _sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            }
        }

        return _sha256;
    }

    /// <summary>Lists the folder's files, skipping the manifest and the sync's own temporary files.</summary>
    public static List<LocalFile> Scan(string folder, DocumentSyncOptions options, string manifestPath)
    {
        var root = Path.GetFullPath(folder);
        var files = new List<LocalFile>();
        foreach (var path in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System }))
        {
            if (string.Equals(path, manifestPath, StringComparison.Ordinal) || path.StartsWith(manifestPath + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            var section = options.SectionsFromFolders && slash > 0 ? relative[..slash] : options.Section;
            files.Add(new LocalFile(path, relative, section, new FileInfo(path).Length));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }
}
