namespace Ditio.Documents;

/// <summary>Where on the target's folder uploaded documents land, and whether they replace namesakes.</summary>
public sealed record DocumentUploadOptions
{
    /// <summary>
    /// Gets the section (Info Center page) to upload to, such as <c>Drawings</c>. <see langword="null"/> gives Ditio's
    /// default: the page <c>Documents</c> for a project, the work order's own section for a work order.
    /// </summary>
    public string? Section { get; init; }

    /// <summary>
    /// Gets a value indicating whether documents already on the page with the same file name are replaced
    /// (Ditio's <c>replaceExistingFilesWithSameName=true</c>). Use it when re-syncing, so documents are not doubled.
    /// </summary>
    /// <remarks>A replacing upload is safe to retry, so it is retried on every transient failure.</remarks>
    public bool ReplaceExistingFilesWithSameName { get; init; }

    /// <summary>Gets where upload progress is reported (bytes sent, per file and overall), if anywhere.</summary>
    public IProgress<DocumentTransferProgress>? Progress { get; init; }
}
