using System.Text.Json.Serialization;
using Ditio.Documents.Serialization;
using Ditio.Documents.Internal.Json;
namespace Ditio.Documents;

/// <summary>A document on an Info Center page: its file reference id and name.</summary>
public sealed record DocumentPageFile
{
    /// <summary>Gets the file reference id: the handle to download or delete the document.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string FileReferenceId { get; init => field = value ?? ""; } = "";

    /// <summary>Gets the document's file name.</summary>
    public string Name { get; init => field = value ?? ""; } = "";
}
