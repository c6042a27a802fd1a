namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// What earlier syncs of one folder to one target uploaded: per file its section, size, SHA-256 and file reference id,
/// and the folder, target and sections it was written for, so it is never applied to anything else. Read and written
/// by <see cref="SyncManifestFile"/>.
/// </summary>
internal sealed class SyncManifest
{
    public const int CurrentVersion = 2;

    public int Version { get; set; } = CurrentVersion;

    public string Folder { get; set; } = "";

    /// <summary>The target: <c>project:{id}</c> or <c>task:{id}</c>.</summary>
    public string Target { get; set; } = "";

    public string? Section { get; set; }

    public bool SectionsFromFolders { get; set; }

    /// <summary>The page each section key landed on, as Ditio reported it (external id), so a renamed page is still known.</summary>
    public Dictionary<string, string> Pages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Entries by <see cref="Key"/>.</summary>
    public Dictionary<string, ManifestEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    public static string TargetKey(DocumentTarget target) => $"{(target.Kind == DocumentTargetKind.Project ? "project" : "task")}:{target.Id}";

    /// <summary>A section's key: case-insensitive, as Ditio pages are; empty for the default page.</summary>
    public static string SectionKey(string? section) => section?.Trim().ToUpperInvariant() ?? "";

    /// <summary>An entry's key: the section key and the relative path.</summary>
    public static string Key(string? section, string relativePath) => $"{SectionKey(section)}|{relativePath}";

    /// <summary>Whether any entry holds the id, and which.</summary>
    public ManifestEntry? OwnerOf(string fileReferenceId) =>
        Entries.Values.FirstOrDefault(e => string.Equals(e.FileReferenceId, fileReferenceId, StringComparison.Ordinal));
}

/// <summary>
/// One file the sync uploaded, or is uploading (<see cref="Pending"/>: sent, answer not recorded; the document it had
/// before, if any, keeps its id here until the answer names the new one).
/// </summary>
internal sealed class ManifestEntry
{
    public string RelativePath { get; set; } = "";

    public string? Section { get; set; }

    public string Name { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public string? FileReferenceId { get; set; }

    public bool Pending { get; set; }

    public ManifestEntry Copy() => (ManifestEntry)MemberwiseClone();
}
