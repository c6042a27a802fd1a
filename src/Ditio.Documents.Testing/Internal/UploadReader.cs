using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Ditio.Documents.Testing.Internal;

/// <summary>
/// Reads an upload's multipart body as Ditio would: parts named <c>file</c>, each streamed to a file of its own
/// (never held in memory) while it is hashed. The file name comes from <c>filename*</c> when sent, else from
/// <c>filename</c> read as UTF-8. Nothing is kept unless every file passes.
/// </summary>
internal sealed class UploadReader(DitioEmulatorOptions options, EmulatorStore store)
{
    private const int MaxFileNameLength = 255;

    public sealed record Result(IReadOnlyList<EmulatedDocument> Files, IReadOnlyList<(string Code, string Field, string Message)> Errors, bool TooLarge);

    public async Task<Result> ReadAsync(HttpContext context, Func<string, string, string, long, string, EmulatedDocument> describe)
    {
        var request = context.Request;
        if (request.ContentLength >= options.MaxRequestBytes)
        {
            return new Result([], [], TooLarge: true);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return new Result([], [("NotMultipart", "file", "The request must be multipart/form-data.")], false);
        }

        var counted = new CountingStream(request.Body, options.MaxRequestBytes);
        var reader = new MultipartReader(boundary, counted) { BodyLengthLimit = null };
        var files = new List<EmulatedDocument>();
        var errors = new List<(string, string, string)>();
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                await ReadSectionAsync(section, files, errors, describe, context.RequestAborted);
            }
        }
        catch (RequestTooLargeException)
        {
            Discard(files);
            return new Result([], [], TooLarge: true);
        }
        catch
        {
            Discard(files);
            throw;
        }

        context.Items[EmulatorRequestItems.Parts] = files.Select(f => ("file", (string?)f.Name)).ToList();
        if (errors.Count > 0)
        {
            Discard(files);
            return new Result([], errors, false);
        }

        return new Result(files, errors, false);
    }

    private async Task ReadSectionAsync(
        MultipartSection section,
        List<EmulatedDocument> files,
        List<(string, string, string)> errors,
        Func<string, string, string, long, string, EmulatedDocument> describe,
        CancellationToken cancellationToken)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
        {
            await section.Body.CopyToAsync(Stream.Null, cancellationToken);
            return;
        }

        var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        var path = store.NewStoragePath();
        long size;
        string sha256;
        byte[] head;
        try
        {
            (size, sha256, head) = await SaveAsync(section.Body, path, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var problem = Check(name, size, head);
        if (problem is not null)
        {
            File.Delete(path);
            errors.Add(("FileNotAllowed", "file", problem));
            return;
        }

        files.Add(describe(name!, path, sha256, size, section.ContentType ?? "application/octet-stream"));
    }

    private static async Task<(long Size, string Sha256, byte[] Head)> SaveAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var head = new MemoryStream();
        long size = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            if (head.Length < 512)
            {
                head.Write(buffer, 0, (int)Math.Min(read, 512 - head.Length));
            }

            size += read;
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()), head.ToArray());
    }

    private string? Check(string? name, long size, byte[] head)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Every file needs a file name.";
        }

        if (name.Length > MaxFileNameLength || name.IndexOfAny(['/', '\\']) >= 0)
        {
            return $"'{name}' is not a valid file name (at most {MaxFileNameLength} characters, no folders).";
        }

        var extension = Path.GetExtension(name.TrimEnd('.', ' '));
        if (options.RefusedExtensions.Contains(extension))
        {
            return $"'{name}': files of type {extension} are not allowed (web pages, scripts and executables).";
        }

        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase) && size > options.MaxSvgBytes)
        {
            return $"'{name}': SVG files may be at most {options.MaxSvgBytes} bytes.";
        }

        return LooksLikeHtml(head) ? $"'{name}': the content is a web page, which is not allowed whatever the extension." : null;
    }

    private static bool LooksLikeHtml(byte[] head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<script", StringComparison.OrdinalIgnoreCase);
    }

    private static void Discard(IEnumerable<EmulatedDocument> files)
    {
        foreach (var file in files)
        {
            File.Delete(file.StoragePath);
        }
    }

    private sealed class RequestTooLargeException : IOException;

    /// <summary>Counts the bytes of a body with no Content-Length and stops at the limit.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        private long _total;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _total; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            _total += read;
            return _total >= limit ? throw new RequestTooLargeException() : read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
