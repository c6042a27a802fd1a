namespace Ditio.Documents;

public static partial class DitioDocumentsModelFactory
{
    /// <summary>Builds the result of <see cref="IDitioDocumentsClient.SyncFolderAsync"/>; the counts follow from the items.</summary>
    /// <param name="items">One item per file; none when <see langword="null"/>.</param>
    /// <param name="dryRun">Whether it was a dry run (nothing changed).</param>
    /// <returns>The result.</returns>
    public static DocumentSyncResult DocumentSyncResult(IEnumerable<DocumentSyncItem>? items = null, bool dryRun = false) =>
        new() { Items = items?.ToList() ?? [], DryRun = dryRun };

    /// <summary>Builds one file's line in a sync result.</summary>
    /// <param name="relativePath">The file's path relative to the folder.</param>
    /// <param name="action">What the sync did (or would do).</param>
    /// <param name="section">The section it belongs to, if any.</param>
    /// <param name="fileReferenceId">The document's file reference id, if any.</param>
    /// <param name="reason">Why, for a conflict or failure.</param>
    /// <returns>The item.</returns>
    public static DocumentSyncItem DocumentSyncItem(
        string relativePath = "Document.pdf", DocumentSyncAction action = DocumentSyncAction.Added, string? section = null, string? fileReferenceId = null, string? reason = null) =>
        new() { RelativePath = relativePath, Action = action, Section = section, FileReferenceId = fileReferenceId, Reason = reason };
}
