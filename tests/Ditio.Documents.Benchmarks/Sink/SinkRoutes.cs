using System.Text.Json;
using Ditio.Documents.Benchmarks.Bench;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ditio.Documents.Benchmarks.Sink;

/// <summary>
/// The sink's routes: <c>POST /identity/connect/token</c>; under <c>/core/api/v4/integration/{projects|tasks}/{id}/documents</c>,
/// POST (upload: body read and discarded, one created document per part named <c>file</c>, in the emulator's answer
/// shape, camelCase), GET (list: the canned three pages of the <c>bench</c> verb) and <c>GET .../{fileId}</c> (download: as many bytes as the digits of the id say, with Content-Length).
/// </summary>
internal static class SinkRoutes
{
    private const string DocumentsPrefix = "/core/api/v4/integration/";
    private static readonly byte[] Chunk = CreateChunk();
    private static long _nextId;

    public static Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var post = HttpMethods.IsPost(context.Request.Method);
        var route = path.StartsWith(DocumentsPrefix, StringComparison.Ordinal)
            ? path[DocumentsPrefix.Length..].Split('/')
            : [];
        return (path, post, route) switch
        {
            ("/identity/connect/token", true, _) => TokenAsync(context),
            (_, true, ["projects" or "tasks", _, "documents"]) => UploadAsync(context),
            (_, false, ["projects" or "tasks", _, "documents"]) => ListAsync(context),
            (_, false, ["projects" or "tasks", _, "documents", var fileId]) => DownloadAsync(context, fileId),
            _ => StatusAsync(context, StatusCodes.Status404NotFound),
        };
    }

    private static async Task TokenAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        await WriteJsonAsync(context, new Dictionary<string, object>
        {
            ["access_token"] = "sink-token-" + Guid.NewGuid().ToString("N"),
            ["expires_in"] = 3600,
            ["token_type"] = "Bearer",
            ["scope"] = "ditioapiv3",
        });
    }

    private static async Task UploadAsync(HttpContext context)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            await StatusAsync(context, StatusCodes.Status400BadRequest);
            return;
        }

        var names = await MultipartScanner.ReadFileNamesAsync(context.Request.Body, boundary, context.RequestAborted);
        var perFile = names.Count == 0 ? 0 : (context.Request.ContentLength ?? 0) / names.Count;
        var created = names.Select(name => Created(name, perFile)).ToList();
        await WriteJsonAsync(context, new
        {
            successful = true,
            message = "Documents uploaded and attached ok",
            section = "Documents",
            pageExternalId = "int-projdocs:sink:documents",
            files = created,
            infoPageFiles = created.Select(c => new { FileReferenceId = c.FileReference.Id, c.Name }),
        });
    }

    private static Task ListAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.Body.WriteAsync(CannedDitioHandler.PagesJson, context.RequestAborted).AsTask();
    }

    private static async Task DownloadAsync(HttpContext context, string fileId)
    {
        if (!long.TryParse(fileId.AsSpan().TrimStart("abcdefghijklmnopqrstuvwxyz-"), out var size) || size < 0)
        {
            await StatusAsync(context, StatusCodes.Status404NotFound);
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = size;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileId}.bin\"";
        for (var remaining = size; remaining > 0;)
        {
            var count = (int)Math.Min(remaining, Chunk.Length);
            await context.Response.Body.WriteAsync(Chunk.AsMemory(0, count), context.RequestAborted);
            remaining -= count;
        }
    }

    private static CreatedFile Created(string name, long size)
    {
        var id = "sink" + Interlocked.Increment(ref _nextId).ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
        var reference = new CreatedReference(id, "InfoMessage", name, Path.GetExtension(name).TrimStart('.'), size, DateTimeOffset.UtcNow);
        return new CreatedFile(name, size, "/api/file/" + id, reference);
    }

    private static Task WriteJsonAsync<T>(HttpContext context, T body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    private static Task StatusAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static byte[] CreateChunk()
    {
        var chunk = new byte[64 * 1024];
        new Random(11).NextBytes(chunk);
        return chunk;
    }

    private sealed record CreatedReference(string Id, string CollectionRef, string FileNameOrig, string FileType, long FileSize, DateTimeOffset CreatedDateTime);

    private sealed record CreatedFile(string Name, long Size, string Url, CreatedReference FileReference);
}
