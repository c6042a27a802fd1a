using System.Net;
using System.Text;

namespace Ditio.Documents.Internal.Downloads;

/// <summary>
/// Reads the original file name from a <c>Content-Disposition</c> header: <c>filename*</c> (RFC 5987) first, else
/// <c>filename</c>, unquoted. Raw UTF-8 in <c>filename</c> (which HTTP stacks hand over as Latin-1 characters) and
/// MIME encoded-words (<c>=?utf-8?B?...?=</c>) are decoded. Any folder part is dropped.
/// </summary>
internal static class ContentDispositionParser
{
    public static string? GetFileName(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        string? plain = null;
        foreach (var (name, value) in Parameters(header))
        {
            if (name.Equals("filename*", StringComparison.OrdinalIgnoreCase) && DecodeExtended(value) is { Length: > 0 } extended)
            {
                return Sanitize(extended);
            }

            if (name.Equals("filename", StringComparison.OrdinalIgnoreCase))
            {
                plain = value;
            }
        }

        return plain is null ? null : Sanitize(DecodeEncodedWord(RepairUtf8(plain)));
    }

    private static IEnumerable<(string Name, string Value)> Parameters(string header)
    {
        var i = header.IndexOf(';', StringComparison.Ordinal);
        while (i >= 0 && i < header.Length)
        {
            var eq = header.IndexOf('=', i);
            if (eq < 0)
            {
                yield break;
            }

            var name = header[(i + 1)..eq].Trim();
            var (value, end) = ReadValue(header, eq + 1);
            yield return (name, value);
            i = header.IndexOf(';', end);
        }
    }

    private static (string Value, int End) ReadValue(string header, int start)
    {
        while (start < header.Length && header[start] == ' ')
        {
            start++;
        }

        if (start >= header.Length || header[start] != '"')
        {
            var end = header.IndexOf(';', start);
            end = end < 0 ? header.Length : end;
            return (header[start..end].Trim(), end);
        }

        var text = new StringBuilder();
        var i = start + 1;
        for (; i < header.Length && header[i] != '"'; i++)
        {
            if (header[i] == '\\' && i + 1 < header.Length)
            {
                i++;
            }

            text.Append(header[i]);
        }

        return (text.ToString(), Math.Min(i + 1, header.Length));
    }

    /// <summary>Decodes <c>charset'language'percent-encoded</c>; UTF-8 and ISO-8859-1 are understood.</summary>
    private static string? DecodeExtended(string value)
    {
        var parts = value.Split('\'', 3);
        if (parts.Length != 3)
        {
            return null;
        }

        var encoding = parts[0].Equals("utf-8", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8
            : parts[0].Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1
            : null;
        if (encoding is null)
        {
            return null;
        }

        var bytes = Encoding.Latin1.GetBytes(parts[2]);
        return encoding.GetString(WebUtility.UrlDecodeToBytes(bytes, 0, bytes.Length));
    }

    /// <summary>Header values arrive as Latin-1 characters; raw UTF-8 bytes among them are decoded back.</summary>
    private static string RepairUtf8(string value)
    {
        if (Ascii.IsValid(value) || value.Any(c => c > '\u00FF'))
        {
            return value;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Encoding.Latin1.GetBytes(value));
        }
        catch (DecoderFallbackException)
        {
            return value;
        }
    }

    /// <summary>Decodes one MIME encoded-word (<c>=?utf-8?B?...?=</c> or <c>=?utf-8?Q?...?=</c>), as .NET servers send non-ASCII names.</summary>
    private static string DecodeEncodedWord(string value)
    {
        var parts = value.Split('?');
        if (parts.Length != 5 || parts[0] != "=" || parts[4] != "=")
        {
            return value;
        }

        try
        {
            var encoding = Encoding.GetEncoding(parts[1]);
            var bytes = parts[2].ToUpperInvariant() switch
            {
                "B" => Convert.FromBase64String(parts[3]),
                "Q" => DecodeQ(parts[3]),
                _ => null,
            };
            return bytes is null ? value : encoding.GetString(bytes);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return value;
        }
    }

    private static byte[] DecodeQ(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(text[i] == '_' ? (byte)' ' : (byte)text[i]);
            }
        }

        return [.. bytes];
    }

    private static string? Sanitize(string name)
    {
        var last = name.LastIndexOfAny(['/', '\\']);
        var bare = (last >= 0 ? name[(last + 1)..] : name).Trim();
        return bare.Length == 0 || bare is "." or ".." ? null : bare;
    }
}
