using System.Text;

namespace Ditio.Documents.Internal.Uploads;

/// <summary>
/// Writes the <c>Content-Disposition</c> of a multipart file part so that a non-ASCII name survives at every kind
/// of server: <c>filename</c> carries the raw UTF-8 name (RFC 7578, as browsers send it) and, for non-ASCII names
/// only, <c>filename*</c> carries it RFC 5987-encoded for servers that prefer that.
/// </summary>
internal static class ContentDispositionFormat
{
    public static string FormDataFile(string partName, string fileName)
    {
        var text = new StringBuilder("form-data; name=\"").Append(partName).Append("\"; filename=\"");
        AppendQuotedLikeBrowsers(text, fileName);
        text.Append('"');
        if (!Ascii.IsValid(fileName))
        {
            text.Append("; filename*=UTF-8''");
            AppendRfc5987(text, fileName);
        }

        return text.ToString();
    }

    /// <summary>As the HTML standard encodes form-data names: <c>"</c>, CR and LF percent-encoded, the rest as is.</summary>
    private static void AppendQuotedLikeBrowsers(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("%22"),
                '\r' => text.Append("%0D"),
                '\n' => text.Append("%0A"),
                _ => text.Append(c),
            };
        }
    }

    private static void AppendRfc5987(StringBuilder text, string value)
    {
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && IsAttrChar((char)rune.Value))
            {
                text.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool IsAttrChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '&' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
