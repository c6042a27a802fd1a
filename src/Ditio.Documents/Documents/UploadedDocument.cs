namespace Ditio.Documents;

/// <summary>A document created by an upload.</summary>
public sealed record UploadedDocument
{
    /// <summary>Gets the file name the document was stored under.</summary>
    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary>Gets the size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Gets Ditio's relative URL of the file.</summary>
    public string? Url { get; init; }

    /// <summary>Gets Ditio's record of the stored file.</summary>
    public DocumentFileReference? FileReference { get; init; }

    /// <summary>Gets the file reference id: the handle to download or delete the document.</summary>
    public string? FileReferenceId => FileReference?.Id;
}
