using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditio.Documents.Serialization;

/// <summary>
/// Reads a boolean from <c>true</c>/<c>false</c>, a number (non-zero is true) or a string such as <c>"true"</c>;
/// writes <c>true</c>/<c>false</c>. Public for the same reason as <see cref="LenientStringConverter"/>.
/// </summary>
public sealed class LenientBooleanConverter : JsonConverter<bool>
{
    /// <inheritdoc />
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number => reader.TryGetDecimal(out var number) && number != 0,
            JsonTokenType.String => reader.GetString() is { } text
                && (bool.TryParse(text, out var flag) ? flag : text.Trim() is "1" or "yes"),
            _ => SkipAndReturnFalse(ref reader),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
        writer.WriteBooleanValue(value);

    private static bool SkipAndReturnFalse(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return false;
    }
}
