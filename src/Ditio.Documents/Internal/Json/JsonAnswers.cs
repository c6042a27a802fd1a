using System.Text.Json;

namespace Ditio.Documents.Internal.Json;

/// <summary>How a JSON answer is recognised, and how a failure to read one is described.</summary>
internal static class JsonAnswers
{
    /// <summary><c>application/json</c>, <c>text/json</c> or any <c>+json</c> type.</summary>
    public static bool IsJsonMediaType(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The error for an answer that is the JSON <c>null</c> where a value was expected.</summary>
    public static JsonException NullAnswer() => new("The body is the JSON null, not a value.");

    public static string Describe(Exception exception) => exception switch
    {
        JsonException { Message: var message } => $"not the JSON expected: {message}",
        IOException or HttpRequestException => $"the body broke off: {exception.Message}",
        _ => exception.Message,
    };
}
