namespace Ditio.Documents;

/// <summary>
/// A sync's manifest cannot be trusted: it is corrupt, of a format version this SDK does not know, or written for
/// another folder, target or section; or another sync with the same manifest is running. The sync stopped before
/// anything was uploaded or deleted.
/// </summary>
/// <remarks>The message names the manifest file and the way out.</remarks>
public sealed class DitioSyncManifestException : DitioException
{
    internal DitioSyncManifestException(string message, string manifestPath, Exception? innerException = null)
        : base(message, innerException)
    {
        ManifestPath = manifestPath;
    }

    /// <summary>Gets the full path of the manifest file.</summary>
    public string ManifestPath { get; }
}
