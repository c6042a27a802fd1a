using System.Globalization;
using System.Net;
using Ditio.Documents.Internal.Errors;

namespace Ditio.Documents.Internal.Downloads;

/// <summary>
/// Writes a download to a temporary file beside the destination and moves it into place only when it is complete and
/// of the announced length, so an interrupted download never leaves a partial file under the final name.
/// </summary>
internal static class FileDestination
{
    public static string Check(string destinationPath, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath, paramName);
        var fullPath = Path.GetFullPath(destinationPath);
        if (Directory.Exists(fullPath))
        {
            throw new ArgumentException($"'{destinationPath}' is a folder: give the path of the file to write.", paramName);
        }

        if (!Directory.Exists(Path.GetDirectoryName(fullPath)))
        {
            throw new ArgumentException($"The folder of '{destinationPath}' does not exist.", paramName);
        }

        return fullPath;
    }

    public static async Task<long> WriteAsync(DocumentDownload download, string fullPath, string requestPath, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            long written;
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                written = await CopyAsync(download.Content, file, requestPath, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            if (download.ContentLength is { } expected && written != expected)
            {
                throw DitioErrors.InvalidResponse(
                    HttpStatusCode.OK, HttpMethod.Get.Method, requestPath, null,
                    string.Create(CultureInfo.InvariantCulture, $"received {written} bytes of the {expected} announced by Content-Length"));
            }

            File.Move(temp, fullPath, overwrite: true);
            return written;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static async Task<long> CopyAsync(Stream source, Stream destination, string requestPath, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await ReadAsync(source, buffer, total, requestPath, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
        }

        return total;
    }

    private static async ValueTask<int> ReadAsync(Stream source, byte[] buffer, long total, string requestPath, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw DitioErrors.InvalidResponse(
                HttpStatusCode.OK, HttpMethod.Get.Method, requestPath, null,
                string.Create(CultureInfo.InvariantCulture, $"the connection was lost after {total} bytes: {ex.Message}"), ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary name never collides with the destination.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
