namespace Ditio.Documents;

/// <summary>The report of a sync: one item per file, and the counts.</summary>
public sealed record DocumentSyncResult
{
    /// <summary>Gets every file's item, ordered by relative path.</summary>
    public required IReadOnlyList<DocumentSyncItem> Items { get; init; }

    /// <summary>Gets a value indicating whether this was a dry run (nothing was changed).</summary>
    public required bool DryRun { get; init; }

    /// <summary>Gets how many files were added.</summary>
    public int Added => Count(DocumentSyncAction.Added);

    /// <summary>Gets how many files replaced their namesake.</summary>
    public int Replaced => Count(DocumentSyncAction.Replaced);

    /// <summary>Gets how many files were unchanged.</summary>
    public int Unchanged => Count(DocumentSyncAction.Unchanged);

    /// <summary>Gets how many documents were deleted.</summary>
    public int Deleted => Count(DocumentSyncAction.Deleted);

    /// <summary>Gets how many files were conflicts.</summary>
    public int Conflicts => Count(DocumentSyncAction.Conflict);

    /// <summary>Gets how many files failed.</summary>
    public int Failed => Count(DocumentSyncAction.Failed);

    /// <summary>Gets how many entries were skipped (symbolic links).</summary>
    public int Skipped => Count(DocumentSyncAction.Skipped);

    /// <summary>Gets how many files were excluded (junk, patterns, hidden files).</summary>
    public int Excluded => Count(DocumentSyncAction.Excluded);

    private int Count(DocumentSyncAction action) => Items.Count(i => i.Action == action);
}
