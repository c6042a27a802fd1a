using System.Text.Json.Serialization;
using Ditio.Documents.Serialization;
using Ditio.Documents.Internal.Json;
namespace Ditio.Documents;

/// <summary>Ditio's record of a stored document, returned by an upload.</summary>
public sealed record DocumentFileReference
{
    /// <summary>Gets the file reference id: store it to download or delete the document later.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string Id { get; init => field = value ?? ""; } = "";

    /// <summary>Gets the collection the file belongs to (for example <c>InfoMessage</c>).</summary>
    public string? CollectionRef { get; init; }

    /// <summary>Gets the original file name.</summary>
    public string? FileNameOrig { get; init; }

    /// <summary>Gets the file type Ditio derived (for example <c>pdf</c>).</summary>
    public string? FileType { get; init; }

    /// <summary>Gets the size in bytes.</summary>
    public long? FileSize { get; init; }

    /// <summary>Gets when Ditio stored the file.</summary>
    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? CreatedDateTime { get; init; }
}
