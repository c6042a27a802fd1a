namespace Ditio.Documents;

/// <summary>What a sync did (or, in a dry run, would do) with one file.</summary>
public enum DocumentSyncAction
{
    /// <summary>A new file was uploaded.</summary>
    Added = 0,

    /// <summary>A changed file replaced its namesake on the page.</summary>
    Replaced = 1,

    /// <summary>The file is the same as what the sync uploaded before: nothing was sent.</summary>
    Unchanged = 2,

    /// <summary>The file is gone locally and the document this sync had uploaded was deleted.</summary>
    Deleted = 3,

    /// <summary>The file was not uploaded: another local file would land on the same page under the same name (or one differing only in case), or the page holds a namesake this sync did not upload.</summary>
    Conflict = 4,

    /// <summary>The file could not be read or uploaded, or a document could not (or was not allowed to) be deleted; see <see cref="DocumentSyncItem.Reason"/>.</summary>
    Failed = 5,

    /// <summary>The entry was not synced on purpose: a symbolic link not followed, or one pointing outside the folder.</summary>
    Skipped = 6,

    /// <summary>The file matched an exclusion: default junk (<c>Thumbs.db</c>, <c>~$*</c>, ...), an <c>Exclude</c> pattern, or a hidden or system file.</summary>
    Excluded = 7,
}
