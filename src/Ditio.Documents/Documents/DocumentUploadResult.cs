using System.Text.Json.Serialization;

namespace Ditio.Documents;

/// <summary>The answer to an upload: the documents created and everything on the page afterwards.</summary>
public sealed record DocumentUploadResult
{
    /// <summary>Gets Ditio's message, such as <c>Documents uploaded and attached ok</c>.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the section the documents landed in.</summary>
    public string? Section { get; init; }

    /// <summary>Gets the stable handle of the page the documents landed on.</summary>
    public string? PageExternalId { get; init; }

    /// <summary>Gets the documents this upload created.</summary>
    public IReadOnlyList<UploadedDocument> Files { get; init => field = value ?? []; } = [];

    /// <summary>Gets every document on the page after the upload (Ditio's <c>infoPageFiles</c>).</summary>
    [JsonPropertyName("infoPageFiles")]
    public IReadOnlyList<DocumentPageFile> PageFiles { get; init => field = value ?? []; } = [];

    [JsonInclude]
    [JsonPropertyName("successful")]
    internal bool? Successful { get; init; }
}
