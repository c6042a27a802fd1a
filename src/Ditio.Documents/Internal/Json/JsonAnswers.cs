using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ditio.Documents.Internal.Calls;

namespace Ditio.Documents.Internal.Json;

/// <summary>
/// Parses Ditio's JSON answers. The call layer has already read each answer whole, under the call's timeouts and size cap
/// (<see cref="DitioCall.Answer"/>), so parsing is one synchronous pass over bytes in memory: cheaper than parsing as the
/// bytes arrive (which makes System.Text.Json scan a converter's value twice), and an answer that is not the JSON
/// expected can be quoted in the error. Other charsets than UTF-8 are transcoded first.
/// </summary>
internal static class JsonAnswers
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses the body. A body that is not the JSON expected gives an error, not an exception.</summary>
    public static JsonAnswer<T> Read<T>(HttpResponseMessage response, DitioCall call, JsonTypeInfo<T> contract)
    {
        var body = call.Answer;
        if (response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset && !IsUtf8(charset))
        {
            return Transcoded(body, charset, contract);
        }

        var json = body.StartsWith(Utf8Bom) ? body[Utf8Bom.Length..] : body;
        try
        {
            return JsonSerializer.Deserialize(json, contract) is { } value
                ? new JsonAnswer<T>(value, null)
                : new JsonAnswer<T>(default, NullAnswer());
        }
        catch (JsonException ex)
        {
            return new JsonAnswer<T>(default, ex);
        }
    }

    /// <summary>The error for an answer that is the JSON <c>null</c> where a value was expected.</summary>
    public static JsonException NullAnswer() => new("The body is the JSON null, not a value.");

    public static string Describe(Exception exception) => exception switch
    {
        JsonException { Message: var message } => $"not the JSON expected: {message}",
        _ => exception.Message,
    };

    private static JsonAnswer<T> Transcoded<T>(ReadOnlySpan<byte> body, string charset, JsonTypeInfo<T> contract)
    {
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException ex)
        {
            return new JsonAnswer<T>(default, new JsonException($"The charset '{charset}' is not known.", ex));
        }

        try
        {
            return JsonSerializer.Deserialize(encoding.GetString(body), contract) is { } value
                ? new JsonAnswer<T>(value, null)
                : new JsonAnswer<T>(default, NullAnswer());
        }
        catch (JsonException ex)
        {
            return new JsonAnswer<T>(default, ex);
        }
    }

    private static bool IsUtf8(string charset) =>
        charset.Trim('"', ' ').Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Trim('"', ' ').Equals("utf8", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A JSON answer: the value, or why there is none.</summary>
internal readonly record struct JsonAnswer<T>(T? Value, Exception? Error);
