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
        var manifestPath = Path.GetFullPath(options.ManifestPath ?? Path.Combine(folder, DocumentSyncOptions.DefaultManifestFileName));
        if (!Directory.Exists(Path.GetDirectoryName(manifestPath)))
        {
            throw new ArgumentException($"The folder of the manifest '{manifestPath}' does not exist.", $"{nameof(options)}.{nameof(DocumentSyncOptions.ManifestPath)}");
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
