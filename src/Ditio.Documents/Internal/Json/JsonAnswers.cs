using System.Buffers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ditio.Documents.Internal.Json;

/// <summary>
/// Reads Ditio's JSON answers. They are small (a listing, a lookup, an upload's result), so the body is read whole into
/// a pooled buffer and parsed in one synchronous pass: cheaper than parsing as the bytes arrive, which makes
/// System.Text.Json scan the whole answer twice for a converter such as <see cref="DocumentPageListConverter"/>. And an
/// answer that is not the JSON expected can be quoted in the error.
/// </summary>
internal static class JsonAnswers
{
    private const int FirstBufferBytes = 16 * 1024;
    private const int MaxQuotedBytes = 16 * 1024;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads and parses the body. A body that cannot be read or is not the JSON expected gives an error, not an exception.</summary>
    public static async Task<JsonAnswer<T>> ReadAsync<T>(HttpContent content, JsonTypeInfo<T> contract, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentType?.CharSet is { Length: > 0 } charset && !IsUtf8(charset))
        {
            return await ReadTranscodedAsync(content, contract, cancellationToken).ConfigureAwait(false);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(content.Headers.ContentLength is > 0 and < FirstBufferBytes ? (int)content.Headers.ContentLength + 1 : FirstBufferBytes);
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer);
                    }
                }
            }

            return Parse(buffer.AsSpan(0, length), contract);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return new JsonAnswer<T>(default, ex, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The error for an answer that is the JSON <c>null</c> where a value was expected.</summary>
    public static JsonException NullAnswer() => new("The body is the JSON null, not a value.");

    public static string Describe(Exception exception) => exception switch
    {
        JsonException { Message: var message } => $"not the JSON expected: {message}",
        IOException or HttpRequestException => $"the body broke off: {exception.Message}",
        _ => exception.Message,
    };

    private static JsonAnswer<T> Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> contract)
    {
        var json = body.StartsWith(Utf8Bom) ? body[Utf8Bom.Length..] : body;
        try
        {
            return JsonSerializer.Deserialize(json, contract) is { } value
                ? new JsonAnswer<T>(value, null, null)
                : new JsonAnswer<T>(default, NullAnswer(), Quote(json));
        }
        catch (JsonException ex)
        {
            return new JsonAnswer<T>(default, ex, Quote(json));
        }
    }

    private static async Task<JsonAnswer<T>> ReadTranscodedAsync<T>(HttpContent content, JsonTypeInfo<T> contract, CancellationToken cancellationToken)
    {
        try
        {
            return await content.ReadFromJsonAsync(contract, cancellationToken).ConfigureAwait(false) is { } value
                ? new JsonAnswer<T>(value, null, null)
                : new JsonAnswer<T>(default, NullAnswer(), null);
        }
        catch (Exception ex) when (ex is JsonException or IOException or HttpRequestException or InvalidOperationException)
        {
            return new JsonAnswer<T>(default, ex, null);
        }
    }

    private static byte[] Grow(byte[] buffer)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static string? Quote(ReadOnlySpan<byte> body) =>
        body.IsEmpty ? null : Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxQuotedBytes)]);

    private static bool IsUtf8(string charset) =>
        charset.Trim('"', ' ').Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Trim('"', ' ').Equals("utf8", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A JSON answer: the value, or why there is none (and the start of the body, to quote, when it was read).</summary>
internal readonly record struct JsonAnswer<T>(T? Value, Exception? Error, string? Body);
