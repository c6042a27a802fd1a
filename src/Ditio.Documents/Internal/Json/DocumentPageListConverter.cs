using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditio.Documents.Internal.Json;

/// <summary>
/// Reads a document listing in any of the shapes Ditio may answer with (its docs do not say which):
/// a bare array of pages, a wrapper object whose one array property holds the pages, or a single page object.
/// </summary>
internal sealed class DocumentPageListConverter : JsonConverter<DocumentPageList>
{
    public override DocumentPageList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
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
        JsonSerializer.Serialize(writer, value.Pages, options);

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

    private static DocumentPage[] ReadPages(JsonElement array, JsonSerializerOptions options) =>
        array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => ReadPage(e, options))
            .ToArray();

    private static DocumentPage ReadPage(JsonElement element, JsonSerializerOptions options) =>
        element.Deserialize<DocumentPage>(options) ?? new DocumentPage();
}
