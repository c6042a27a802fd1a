using System.Text;

namespace Ditio.Documents.Internal.Uploads;

/// <summary>The exact size of an upload request as <see cref="UploadContent"/> writes it, multipart framing included.</summary>
internal static class UploadSizing
{
    /// <summary>
    /// For each part <c>--boundary CRLF headers CRLF CRLF content CRLF</c>, then <c>--boundary-- CRLF</c>; headers
    /// are written in UTF-8.
    /// </summary>
    public static long RequestBytes(IEnumerable<(DocumentUploadFile File, long Length)> files, string boundary)
    {
        long total = boundary.Length + 6;
        foreach (var (file, length) in files)
        {
            total += PartOverhead(file, boundary) + length;
        }

        return total;
    }

    public static long PartOverhead(DocumentUploadFile file, string boundary)
    {
        var headers = $"Content-Type: {file.ContentType}\r\nContent-Disposition: {ContentDispositionFormat.FormDataFile("file", file.FileName)}\r\n";
        return 2 + boundary.Length + 2 + Encoding.UTF8.GetByteCount(headers) + 2 + 2;
    }
}
