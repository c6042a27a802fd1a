namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// One sync per manifest at a time: a scheduled run that starts while the last one is still going stops at once
/// instead of uploading and recording the same files twice. The lock is the open file <c>{manifest}.lock</c> (an OS
/// file lock, released when the process ends however it ends; the file is removed when the sync ends, and one left by a
/// crash is harmless).
/// </summary>
internal static class SyncLock
{
    /// <exception cref="DitioSyncManifestException">Another sync holds the lock, or it cannot be created.</exception>
    public static FileStream Take(string manifestPath)
    {
        var path = manifestPath + ".lock";
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DitioSyncManifestException($"The sync lock '{path}' beside the manifest cannot be created ({ex.Message}): make that folder writable, or use --manifest PATH (ManifestPath) somewhere writable.", manifestPath, ex);
        }
        catch (IOException ex)
        {
            throw new DitioSyncManifestException($"Another sync with the manifest '{manifestPath}' is running (it holds '{path}'): nothing was sent. Let it finish, or schedule runs further apart.", manifestPath, ex);
        }
    }
}
