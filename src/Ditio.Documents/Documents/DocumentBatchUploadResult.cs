namespace Ditio.Documents;

/// <summary>The combined result of <c>UploadManyAsync</c>: one outcome per file, in the order given.</summary>
public sealed record DocumentBatchUploadResult
{
    /// <summary>Gets the outcome of every file, in the order the files were given.</summary>
    public required IReadOnlyList<DocumentUploadOutcome> Outcomes { get; init; }

    /// <summary>Gets how many requests were sent.</summary>
    public required int RequestCount { get; init; }

    /// <summary>Gets the files that were uploaded.</summary>
    public IEnumerable<DocumentUploadOutcome> Uploaded => Outcomes.Where(o => o.Status == DocumentUploadStatus.Uploaded);

    /// <summary>Gets the files that failed.</summary>
    public IEnumerable<DocumentUploadOutcome> Failed => Outcomes.Where(o => o.Status == DocumentUploadStatus.Failed);

    /// <summary>Gets a value indicating whether every file was uploaded.</summary>
    public bool AllUploaded => Outcomes.All(o => o.Status == DocumentUploadStatus.Uploaded);
}
