using System.Text.Json.Serialization;
using Ditio.Documents.Serialization;
using Ditio.Documents.Internal.Json;

namespace Ditio.Documents;

/// <summary>
/// The text Ditio shows above a project's document folder or one of its pages (sections), as Ditio answered after it was set.
/// </summary>
public sealed record DocumentDescription
{
    /// <summary>Gets the stable handle of the folder or page, such as <c>int-projdocs:{projectId}:drawings</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ExternalId { get; init; }

    /// <summary>Gets the folder's or page's title (the section name, for a page).</summary>
    public string? Title { get; init; }

    /// <summary>Gets the description now shown; <see langword="null"/> when it was cleared.</summary>
    public string? Description { get; init; }
}
