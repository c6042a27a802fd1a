namespace Ditio.Documents.Testing;

/// <summary>A document the emulator holds: where it is, its name, and what its bytes hash to.</summary>
public sealed record EmulatedDocument
{
    /// <summary>Gets the file reference id.</summary>
    public required string FileReferenceId { get; init; }

    /// <summary>Gets the id of the project whose folder holds the document.</summary>
    public required string ProjectId { get; init; }

    /// <summary>Gets the id of the work order it was uploaded through, if any.</summary>
    public string? WorkOrderId { get; init; }

    /// <summary>Gets the section (page) name, as first used.</summary>
    public required string Section { get; init; }

    /// <summary>Gets the page's external id, such as <c>int-projdocs:{projectId}:drawings</c>.</summary>
    public required string PageExternalId { get; init; }

    /// <summary>Gets the file name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Gets the SHA-256 of the bytes, lowercase hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Gets the media type the file was sent with.</summary>
    public required string ContentType { get; init; }

    /// <summary>Gets when the emulator stored it.</summary>
    public required DateTimeOffset CreatedDateTime { get; init; }

    internal string StoragePath { get; init; } = "";
}
