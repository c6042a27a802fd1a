using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditio.Documents.Internal.Json;

/// <summary>
/// The JSON settings for Ditio's answers: camelCase, unknown fields ignored, and lenient about the odd types
/// Ditio's pages disagree on (ids as numbers, booleans and numbers as strings, unreadable dates).
/// </summary>
internal static class DitioJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new LenientStringConverter());
        options.Converters.Add(new LenientBooleanConverter());
        options.Converters.Add(new LenientDateTimeOffsetConverter());
        options.Converters.Add(new DocumentPageListConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
