namespace Ditio.Documents;

/// <summary>How <c>SyncFolderAsync</c> mirrors a local folder to a project or work order.</summary>
/// <remarks>
/// The manifest records the folder, the target and the section(s) it was written for; a sync with another folder,
/// target or section, or with a manifest that is corrupt or of an unknown version, stops before anything is sent
/// (<see cref="DitioSyncManifestException"/>), as does a second sync with the same manifest while one is running.
/// </remarks>
public sealed record DocumentSyncOptions
{
    /// <summary>The default manifest file name, kept in the synced folder and never uploaded: <c>.ditio-sync.json</c>.</summary>
    public const string DefaultManifestFileName = ".ditio-sync.json";

    /// <summary>The default of <see cref="MaxDelete"/>: 10.</summary>
    public const int DefaultMaxDelete = 10;

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
    /// Documents anybody else put on the page are never deleted. Nothing is deleted when any file failed earlier in the
    /// same run, when the folder holds no files at all (an unmounted share), with <see cref="SectionsFromFolders"/> from
    /// a section whose folder is missing or holds no files, or when more than <see cref="MaxDelete"/> documents would
    /// go: those are reported as failed instead.
    /// </summary>
    public bool DeleteRemoved { get; init; }

    /// <summary>Gets the most documents one run may delete; over it, none is deleted.</summary>
    /// <value>Zero or more; <see cref="DefaultMaxDelete"/> by default.</value>
    public int MaxDelete { get; init; } = DefaultMaxDelete;

    /// <summary>
    /// Gets a value indicating whether a same-named document on the page that this sync did not upload is replaced
    /// (and from then on managed by this sync). Without it such a document is left alone and the file is a conflict.
    /// </summary>
    public bool ReplaceExisting { get; init; }

    /// <summary>
    /// Gets a value indicating whether symbolic links are followed. Without it they are skipped and reported; with it,
    /// a link whose target lies outside the folder is still skipped, so nothing outside the folder is ever sent.
    /// </summary>
    public bool FollowSymlinks { get; init; }

    /// <summary>
    /// Gets glob patterns of files to leave out, in addition to the default junk (<c>Thumbs.db</c>, <c>desktop.ini</c>,
    /// <c>.DS_Store</c>, <c>~$*</c>, <c>.~lock.*#</c>, <c>*.tmp</c>, the manifest). A pattern without <c>/</c> matches
    /// a file name at any depth; one with <c>/</c> matches the path relative to the folder. <c>*</c> and <c>?</c>
    /// stay within a name, <c>**</c> crosses folders; matching ignores case.
    /// </summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Gets a value indicating whether to only plan: the result says what would be done and nothing is sent but the listing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets the manifest's path; defaults to <see cref="DefaultManifestFileName"/> in the synced folder.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>Gets where upload progress is reported, if anywhere.</summary>
    public IProgress<DocumentTransferProgress>? Progress { get; init; }
}
