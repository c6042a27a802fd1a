namespace Ditio.Documents;

/// <summary>The outcome of one file of <c>UploadManyAsync</c>.</summary>
public sealed record DocumentUploadOutcome
{
    /// <summary>Gets the file as it was given.</summary>
    public required DocumentUploadFile File { get; init; }

    /// <summary>Gets whether the file was uploaded or failed.</summary>
    public required DocumentUploadStatus Status { get; init; }

    /// <summary>Gets the stored document, when uploaded.</summary>
    public UploadedDocument? Document { get; init; }

    /// <summary>Gets the file reference id of the stored document, when uploaded.</summary>
    public string? FileReferenceId => Document?.FileReferenceId;

    /// <summary>Gets why the file failed: an <see cref="ArgumentException"/> naming the rule it broke (nothing was sent), or the <see cref="DitioException"/> of its request.</summary>
    public Exception? Error { get; init; }
}
