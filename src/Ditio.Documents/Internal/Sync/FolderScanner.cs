namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// Walks the synced folder: files to sync, and an item for every entry left out (excluded junk and hidden files,
/// symbolic links not followed or pointing outside the folder) or unreadable. One bad entry never ends the walk.
/// </summary>
internal sealed class FolderScanner(string root, DocumentSyncOptions options, SyncExclusions exclusions)
{
    private const string LinkHint = "a symbolic link, not followed (--follow-symlinks / FollowSymlinks follows links that stay inside the folder)";
    private readonly string _realRoot = RealPath.Of(root) ?? root;
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

    public List<LocalFile> Files { get; } = [];

    public List<DocumentSyncItem> Items { get; } = [];

    public static FolderScanner Scan(string root, DocumentSyncOptions options, SyncExclusions exclusions)
    {
        var scanner = new FolderScanner(root, options, exclusions);
        scanner._visited.Add(scanner._realRoot);
        scanner.Walk(root, "");
        scanner.Files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return scanner;
    }

    private void Walk(string folder, string prefix)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos()];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            Add(prefix.Length == 0 ? "." : prefix.TrimEnd('/'), null, DocumentSyncAction.Failed, $"The folder cannot be read: {ex.Message}");
            return;
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            try
            {
                Visit(entry, prefix + entry.Name);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Add(prefix + entry.Name, null, DocumentSyncAction.Failed, $"It cannot be read: {ex.Message}");
            }
        }
    }

    private void Visit(FileSystemInfo entry, string relative)
    {
        var isFolder = entry.Attributes.HasFlag(FileAttributes.Directory);
        if (exclusions.IsManifest(entry.FullName))
        {
            return;
        }

        if (entry.LinkTarget is not null)
        {
            VisitLink(entry, relative);
        }
        else if (entry.Attributes.HasFlag(FileAttributes.Hidden) || entry.Attributes.HasFlag(FileAttributes.System))
        {
            var reason = isFolder ? null : exclusions.Reason(entry.FullName, relative);
            Add(relative, SectionOf(relative), DocumentSyncAction.Excluded, reason ?? (isFolder ? "a hidden or system folder" : "a hidden or system file"));
        }
        else if (isFolder)
        {
            Walk(entry.FullName, relative + "/");
        }
        else
        {
            AddFile(entry.FullName, entry.FullName, relative);
        }
    }

    private void VisitLink(FileSystemInfo link, string relative)
    {
        if (!options.FollowSymlinks)
        {
            Add(relative, SectionOf(relative), DocumentSyncAction.Skipped, $"It is {LinkHint}.");
            return;
        }

#if !NET
        if (!PlatformCompat.CanReadLinks)
        {
            Add(relative, SectionOf(relative), DocumentSyncAction.Skipped, "It is a symbolic link, which this runtime cannot follow (.NET Framework and Mono read no link targets).");
            return;
        }

#endif
        var real = RealPath.Of(link.FullName);
        if (real is null || !(File.Exists(real) || Directory.Exists(real)))
        {
            Add(relative, SectionOf(relative), DocumentSyncAction.Skipped, "It is a symbolic link to nothing (broken, or a loop of links).");
        }
        else if (real != _realRoot && !real.StartsWith(_realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            Add(relative, SectionOf(relative), DocumentSyncAction.Skipped, "It is a symbolic link to something outside the synced folder, which is never sent.");
        }
        else if (Directory.Exists(real))
        {
            if (_visited.Add(real))
            {
                Walk(link.FullName, relative + "/");
            }
            else
            {
                Add(relative, SectionOf(relative), DocumentSyncAction.Skipped, "It is a symbolic link to a folder already synced (a loop or a second path).");
            }
        }
        else
        {
            AddFile(link.FullName, real, relative);
        }
    }

    private void AddFile(string fullPath, string readPath, string relative)
    {
        if (exclusions.Reason(fullPath, relative) is { } reason)
        {
            Add(relative, SectionOf(relative), DocumentSyncAction.Excluded, reason);
            return;
        }

        Files.Add(new LocalFile(readPath, relative, SectionOf(relative)));
    }

    private string? SectionOf(string relative)
    {
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        return options.SectionsFromFolders && slash > 0 ? relative[..slash] : options.Section;
    }

    private void Add(string relative, string? section, DocumentSyncAction action, string reason) =>
        Items.Add(new DocumentSyncItem { RelativePath = relative, Section = section, Action = action, Reason = reason });
}
