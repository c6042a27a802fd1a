using System.Buffers;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Ditio.Documents.Benchmarks.Sink;

/// <summary>
/// Reads a multipart body to the end through one pooled 64 KB buffer and keeps only the file names of its parts named
/// <c>file</c> (<c>filename*</c> first, else <c>filename</c> as UTF-8). Boundaries are found with a vectorized search,
/// so the sink is never the slow end of a loopback transfer.
/// </summary>
internal static class MultipartScanner
{
    private const int BufferSize = 64 * 1024;

    public static async Task<List<string>> ReadFileNamesAsync(Stream body, string boundary, CancellationToken cancellationToken)
    {
        var delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        var names = new List<string>();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            // The first delimiter has no CRLF before it: pretend it had.
            "\r\n"u8.CopyTo(buffer);
            var filled = 2;
            var done = false;
            int read;
            do
            {
                read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                filled += read;
                var consumed = done ? filled : Scan(buffer.AsSpan(0, filled), delimiter, names, ref done);
                if (consumed == 0 && filled == buffer.Length)
                {
                    throw new InvalidDataException("A multipart part header does not fit in the buffer.");
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
            while (read > 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return names;
    }

    /// <summary>Finds the part headers in <paramref name="data"/>; returns how many bytes are done with.</summary>
    private static int Scan(ReadOnlySpan<byte> data, ReadOnlySpan<byte> delimiter, List<string> names, ref bool done)
    {
        var position = 0;
        while (true)
        {
            var found = data[position..].IndexOf(delimiter);
            if (found < 0)
            {
                // Keep a tail that may be the start of a delimiter cut by the end of the buffer.
                return Math.Max(position, data.Length - (delimiter.Length - 1));
            }

            var start = position + found;
            var rest = data[(start + delimiter.Length)..];
            if (rest.Length >= 2 && rest.StartsWith("--"u8))
            {
                done = true;
                return data.Length;
            }

            var headersEnd = rest.IndexOf("\r\n\r\n"u8);
            if (headersEnd < 0)
            {
                return start;
            }

            if (FileNameOf(rest[..headersEnd]) is { } name)
            {
                names.Add(name);
            }

            position = start + delimiter.Length + headersEnd + 4;
        }
    }

    private static string? FileNameOf(ReadOnlySpan<byte> headers)
    {
        foreach (var line in Encoding.UTF8.GetString(headers).Split("\r\n"))
        {
            if (line.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase)
                && ContentDispositionHeaderValue.TryParse(line["Content-Disposition:".Length..].Trim(), out var disposition)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals("file", StringComparison.Ordinal))
            {
                return disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            }
        }

        return null;
    }
}
