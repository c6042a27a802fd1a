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

    /// <summary>Copies the download into a temporary file beside <paramref name="fullPath"/>, then moves it into place.</summary>
    /// <remarks>The download stream itself checks the byte count against Content-Length and turns a lost connection into a <see cref="DitioApiException"/>.</remarks>
    public static async Task<long> WriteAsync(DocumentDownload download, string fullPath, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            long written;
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await download.Content.CopyToAsync(file, 81920, cancellationToken).ConfigureAwait(false);
                written = file.Length;
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
