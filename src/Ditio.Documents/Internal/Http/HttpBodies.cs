namespace Ditio.Documents.Internal.Http;

/// <summary>Reads at most the start of an error body, so a huge HTML page from a proxy costs little.</summary>
internal static class HttpBodies
{
    private const int MaxErrorBodyChars = 16 * 1024;

    public static async Task<string?> ReadErrorTextAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[MaxErrorBodyChars];
            var read = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
            return read == 0 ? null : new string(buffer, 0, read);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return null;
        }
    }
}
