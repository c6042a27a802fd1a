using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ditio.Documents.Internal.Json;

/// <summary>
/// Reads a document listing in any of the shapes Ditio may answer with (its docs do not say which):
/// a bare array of pages, a wrapper object whose one array property holds the pages, or a single page object.
/// </summary>
internal sealed class DocumentPageListConverter : JsonConverter<DocumentPageList>
{
    public override DocumentPageList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The usual shape, a bare array, is read straight off the reader; the others need a look at the whole object.
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return new DocumentPageList(ReadPages(ref reader, options));
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new DocumentPageList(root.ValueKind switch
        {
            JsonValueKind.Array => ReadPages(root, options),
            JsonValueKind.Object when LooksLikePage(root) => [ReadPage(root, options)],
            JsonValueKind.Object when FindPageArray(root) is { } pages => ReadPages(pages, options),
            JsonValueKind.Object => [],
            JsonValueKind.Null => [],
            _ => throw new JsonException($"A document listing must be an array or an object, not {root.ValueKind}."),
        });
    }

    public override void Write(Utf8JsonWriter writer, DocumentPageList value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Pages, ContractOf<IReadOnlyList<DocumentPage>>(options));

    private static bool LooksLikePage(JsonElement element) =>
        element.EnumerateObject().Any(p =>
            p.NameEquals("files") || p.NameEquals("pageExternalId") || p.NameEquals("section"));

    private static JsonElement? FindPageArray(JsonElement wrapper)
    {
        foreach (var property in wrapper.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The usual shape, read straight off this reader by System.Text.Json's own converter for a page. (Not through
    /// <c>JsonSerializer.Deserialize(ref reader, ...)</c>: that scans each value once more to find its end.)
    /// </summary>
    private static List<DocumentPage> ReadPages(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var pageConverter = (JsonConverter<DocumentPage>)ContractOf<DocumentPage>(options).Converter;
        var pages = new List<DocumentPage>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                pages.Add(pageConverter.Read(ref reader, typeof(DocumentPage), options) ?? new DocumentPage());
            }
            else
            {
                // Not a page (a nested array, a number, null): skipped, as in the other shapes.
                reader.Skip();
            }
        }

        return pages;
    }

    private static DocumentPage[] ReadPages(JsonElement array, JsonSerializerOptions options) =>
        array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => ReadPage(e, options))
            .ToArray();

    private static DocumentPage ReadPage(JsonElement element, JsonSerializerOptions options) =>
        element.Deserialize(ContractOf<DocumentPage>(options)) ?? new DocumentPage();

    /// <summary>A contract from the options' resolver (source-generated: <see cref="DitioJsonContext"/>), never by reflection.</summary>
    private static JsonTypeInfo<T> ContractOf<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
