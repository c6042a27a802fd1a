using Ditio.Documents.Internal.Sync;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public async Task<DocumentSyncResult> SyncFolderAsync(
        string folder,
        DocumentTarget target,
        DocumentSyncOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(target);
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"The folder '{folder}' does not exist.", nameof(folder));
        }

        options ??= new DocumentSyncOptions();
        Internal.Validation.Guard.Section(options.Section, $"{nameof(options)}.{nameof(DocumentSyncOptions.Section)}");
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDelete, $"{nameof(options)}.{nameof(DocumentSyncOptions.MaxDelete)}");
        ArgumentNullException.ThrowIfNull(options.Exclude, $"{nameof(options)}.{nameof(DocumentSyncOptions.Exclude)}");
        SyncExclusions.Check(options.Exclude, $"{nameof(options)}.{nameof(DocumentSyncOptions.Exclude)}");
        var manifestPath = Path.GetFullPath(options.ManifestPath ?? Path.Combine(folder, DocumentSyncOptions.DefaultManifestFileName));
        if (Directory.Exists(manifestPath) || !Directory.Exists(Path.GetDirectoryName(manifestPath)))
        {
            throw new ArgumentException($"The manifest '{manifestPath}' is a folder, or its folder does not exist: give the path of a file.", $"{nameof(options)}.{nameof(DocumentSyncOptions.ManifestPath)}");
        }

        var operation = Internal.Telemetry.DitioOperation.Start("SyncFolder", target);
        try
        {
            using var sync = new FolderSync(this, _transfers, target, manifestPath);
            var result = await sync.RunAsync(folder, options, cancellationToken).ConfigureAwait(false);
            operation.Succeeded(count: result.Items.Count);
            return result;
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            throw;
        }
    }
}
