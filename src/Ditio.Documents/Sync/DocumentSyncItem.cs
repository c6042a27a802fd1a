namespace Ditio.Documents;

/// <summary>One file of a sync: where it lives, where it goes, and what happened to it.</summary>
public sealed record DocumentSyncItem
{
    /// <summary>Gets the file's path relative to the synced folder, with <c>/</c> separators.</summary>
    public required string RelativePath { get; init; }

    /// <summary>Gets the section (page) the file belongs to; <see langword="null"/> for Ditio's default page.</summary>
    public string? Section { get; init; }

    /// <summary>Gets what was done, or would be done in a dry run.</summary>
    public required DocumentSyncAction Action { get; init; }

    /// <summary>Gets the file reference id of the document on the page, when there is one.</summary>
    public string? FileReferenceId { get; init; }

    /// <summary>Gets why the file is a conflict or failed.</summary>
    public string? Reason { get; init; }
}
