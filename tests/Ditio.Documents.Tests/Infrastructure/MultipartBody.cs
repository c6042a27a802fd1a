using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Ditio.Documents.Tests.Infrastructure;

/// <summary>
/// Splits the raw bytes of a multipart/form-data request into parts, and reads each part's file name the way two
/// kinds of server do: one that prefers <c>filename*</c> (RFC 5987), one that reads only <c>filename</c> as raw UTF-8 (RFC 7578).
/// </summary>
public sealed partial class MultipartBody
{
    private MultipartBody(IReadOnlyList<Part> parts) => Parts = parts;

    public IReadOnlyList<Part> Parts { get; }

    public static MultipartBody Parse(byte[] body, string contentType)
    {
        var boundary = MediaTypeHeaderValue.Parse(contentType).Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<Part>();
        var position = IndexOf(body, delimiter, 0);
        while (position >= 0)
        {
            var start = position + delimiter.Length;
            if (start + 1 < body.Length && body[start] == '-' && body[start + 1] == '-')
            {
                break;
            }

            start += 2; // CRLF after the delimiter
            var next = IndexOf(body, delimiter, start);
            var headerEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), start);
            var headerBytes = body[start..headerEnd];
            var content = body[(headerEnd + 4)..(next - 2)];
            parts.Add(new Part(headerBytes, content));
            position = next;
        }

        return new MultipartBody(parts);
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from) =>
        haystack.AsSpan(from).IndexOf(needle) is var i and >= 0 ? i + from : -1;

    public sealed partial class Part(byte[] rawHeaders, byte[] content)
    {
        public byte[] RawHeaders { get; } = rawHeaders;

        public byte[] Content { get; } = content;

        public string HeadersAsUtf8 => Encoding.UTF8.GetString(RawHeaders);

        public string? Header(string name) =>
            HeadersAsUtf8.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                .Select(p => p[1].Trim()).FirstOrDefault();

        /// <summary>The part's name parameter.</summary>
        public string? Name => NameParameter().Match(Header("Content-Disposition") ?? "") is { Success: true } m ? m.Groups[1].Value : null;

        /// <summary>A server that reads only <c>filename</c>, decoding the header bytes as UTF-8 (RFC 7578, as browsers send).</summary>
        public string? PlainFileNameAsUtf8 =>
            PlainFileName().Match(Header("Content-Disposition") ?? "") is { Success: true } m ? m.Groups[1].Value.Replace("%22", "\"", StringComparison.Ordinal) : null;

        /// <summary>A server that prefers <c>filename*</c> (RFC 5987), as ASP.NET Core's ContentDispositionHeaderValue does.</summary>
        public string? FileNameStarFirst
        {
            get
            {
                var latin1 = Encoding.Latin1.GetString(RawHeaders).Split("\r\n")
                    .First(l => l.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase))["Content-Disposition:".Length..].Trim();
                var parsed = ContentDispositionHeaderValue.Parse(latin1);
                return parsed.FileNameStar ?? parsed.FileName?.Trim('"');
            }
        }

        [GeneratedRegex("""(?:^|;)\s*name="([^"]*)"?""")]
        private static partial Regex NameParameter();

        [GeneratedRegex("""(?:^|;)\s*filename="([^"]*)"?""")]
        private static partial Regex PlainFileName();
    }
}
