using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditio.Documents.Serialization;

/// <summary>
/// Reads a string, or a number or boolean as its text (Ditio's ids are strings, but some pages send them as numbers);
/// writes a string. The SDK's models name it on their members; it is public so that an application's own
/// source-generated JSON context (trimming, Native AOT) can include those models and read them as leniently.
/// </summary>
public sealed class LenientStringConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => SkipAndReturnNull(ref reader),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    private static string? SkipAndReturnNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
