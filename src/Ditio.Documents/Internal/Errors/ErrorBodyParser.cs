using System.Text.Json;

namespace Ditio.Documents.Internal.Errors;

/// <summary>
/// Reads Ditio's error code and message from any of its error body shapes, leniently:
/// <c>{"error": "Code", "message": "..."}</c>, <c>{"message": "...", "errors": [{"code", "field", "message"}]}</c>,
/// <c>{"error": {"message": "..."}}</c>, <c>{"successful": false, "message": "..."}</c>, OAuth's
/// <c>{"error", "error_description"}</c> and RFC 7807 problem details. Anything else yields neither.
/// </summary>
internal static class ErrorBodyParser
{
    public const int ExcerptLength = 1000;

    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] is not '{')
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Read(document.RootElement) : (null, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Whether any string of a JSON body (a value or a property name), with its escapes undone, matches
    /// <paramref name="predicate"/>, up to where the body stops being JSON (it may be cut off). False for a body that
    /// does not start as JSON. Read token by token, so no nesting is too deep.
    /// </summary>
    public static bool AnyString(string body, Func<string, bool> predicate)
    {
        if (body.TrimStart() is not ['{' or '[', ..])
        {
            return false;
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(body), new JsonReaderOptions { MaxDepth = body.Length + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && predicate(reader.GetString()!))
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The rest is not JSON (or a string is not valid UTF-16): what was read has been looked at.
        }

        return false;
    }

    /// <summary>The length of the one line of a body quoted in a message.</summary>
    public const int OneLineLength = 200;

    /// <summary>The body as one line of at most <see cref="OneLineLength"/> characters, for a message; the whole excerpt goes on the exception.</summary>
    public static string? OneLine(string? text)
    {
        var line = text?.ReplaceLineEndings(" ").Trim();
        return string.IsNullOrEmpty(line) ? null : line.Length <= OneLineLength ? line : line[..OneLineLength] + "...";
    }

    /// <summary>The start of a body, at most <see cref="ExcerptLength"/> characters, for <see cref="DitioApiException.ResponseExcerpt"/>.</summary>
    public static string? Excerpt(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        return body.Length <= ExcerptLength ? body : body[..ExcerptLength];
    }

    private static (string? Code, string? Message) Read(JsonElement root)
    {
        string? code = null;
        var message = Text(root, "message") ?? Text(root, "error_description") ?? Text(root, "detail") ?? Text(root, "title");
        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
            {
                code = error.GetString();
            }
            else if (error.ValueKind == JsonValueKind.Object)
            {
                code = Text(error, "code");
                message ??= Text(error, "message");
            }
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            var details = errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
            code ??= details.Select(e => Text(e, "code")).FirstOrDefault(c => c is not null);
            var lines = details.Select(Describe).Where(l => l.Length > 0).ToList();
            if (lines.Count > 0)
            {
                message = (message is null ? "" : message + ": ") + string.Join("; ", lines);
            }
        }

        return (code, message);
    }

    private static string Describe(JsonElement error)
    {
        var field = Text(error, "field");
        var message = Text(error, "message") ?? Text(error, "code") ?? "";
        return field is null ? message : $"{field}: {message}";
    }

    private static string? Text(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(name) || property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() is { Length: > 0 } s ? s : null,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }
}
