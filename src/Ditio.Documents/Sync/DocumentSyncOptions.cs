namespace Ditio.Documents;

/// <summary>How <c>SyncFolderAsync</c> mirrors a local folder to a project or work order.</summary>
public sealed record DocumentSyncOptions
{
    /// <summary>The default manifest file name, kept in the synced folder and never uploaded: <c>.ditio-sync.json</c>.</summary>
    public const string DefaultManifestFileName = ".ditio-sync.json";

    /// <summary>
    /// Gets the section every file goes to (unless <see cref="SectionsFromFolders"/>); <see langword="null"/> for
    /// Ditio's default page.
    /// </summary>
    public string? Section { get; init; }

    /// <summary>
    /// Gets a value indicating whether each top-level sub-folder is a section of its own (<c>Drawings/</c>,
    /// <c>Contracts/</c>); files directly in the folder go to <see cref="Section"/>.
    /// </summary>
    public bool SectionsFromFolders { get; init; }

    /// <summary>
    /// Gets a value indicating whether documents this sync uploaded earlier and whose local file is gone are deleted.
    /// Documents anybody else put on the page are never deleted.
    /// </summary>
    public bool DeleteRemoved { get; init; }

    /// <summary>Gets a value indicating whether to only plan: the result says what would be done and nothing is sent but the listing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets the manifest's path; defaults to <see cref="DefaultManifestFileName"/> in the synced folder.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>Gets where upload progress is reported, if anywhere.</summary>
    public IProgress<DocumentTransferProgress>? Progress { get; init; }
}
