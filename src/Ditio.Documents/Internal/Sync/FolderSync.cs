using Ditio.Documents.Internal.Transfers;
using Ditio.Documents.Internal.Uploads;

namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// Runs a sync: proves the manifest is this folder's, scans, plans, then uploads through the SDK's one batch uploader
/// (every request replacing by name, so a repeat never doubles a document), recording each request in the manifest
/// before it is sent (pending) and after it is answered; then deletes, only when nothing failed.
/// </summary>
internal sealed class FolderSync(DitioDocumentsClient client, DitioTransferOptions limits, DocumentTarget target, string manifestPath) : IDisposable
{
    private readonly SemaphoreSlim _manifestGate = new(1, 1);

    public void Dispose() => _manifestGate.Dispose();

    public async Task<DocumentSyncResult> RunAsync(string folder, DocumentSyncOptions options, CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        using var held = options.DryRun ? null : SyncLock.Take(manifestPath);
        var manifest = await SyncManifestFile.LoadAsync(manifestPath, root, target, options, cancellationToken).ConfigureAwait(false);
        var scan = FolderScanner.Scan(root, options, new SyncExclusions(options.Exclude, manifestPath));
        var pages = await client.GetPagesAsync(target, cancellationToken).ConfigureAwait(false);
        var ownership = new SyncOwnership(pages, manifest, target);
        var plan = await SyncPlan.CreateAsync(scan, manifest, ownership, options, limits, cancellationToken).ConfigureAwait(false);
        if (!options.DryRun)
        {
            await UploadAsync(plan, manifest, ownership, options, cancellationToken).ConfigureAwait(false);
            await DeleteAsync(plan, manifest, cancellationToken).ConfigureAwait(false);
            if (plan.Forget.Count > 0)
            {
                await RecordAsync(manifest, () => plan.Forget.ForEach(e => manifest.Entries.Remove(SyncManifest.Key(e.Section, e.RelativePath))), cancellationToken).ConfigureAwait(false);
            }
        }

        return new DocumentSyncResult { Items = [.. plan.Items.OrderBy(i => i.RelativePath, StringComparer.Ordinal)], DryRun = options.DryRun };
    }

    private async Task UploadAsync(SyncPlan plan, SyncManifest manifest, SyncOwnership ownership, DocumentSyncOptions options, CancellationToken cancellationToken)
    {
        var tracker = new ProgressTracker(options.Progress, plan.Uploads.Sum(u => u.File.Size));
        foreach (var section in plan.Uploads.GroupBy(u => SyncManifest.SectionKey(u.File.Section)))
        {
            var uploads = section.ToList();
            var recorder = new SyncBatchRecorder(plan, manifest, ownership, uploads, (change, ct) => RecordAsync(manifest, change, ct));
            await client.UploadBatchesAsync(
                target,
                [.. uploads.Select(u => u.Upload)],
                [.. Enumerable.Range(0, uploads.Count)],
                recorder.Outcomes,
                new DocumentUploadOptions { Section = uploads[0].File.Section, ReplaceExistingFilesWithSameName = true },
                UploadContent.NewBoundary(),
                tracker,
                recorder,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteAsync(SyncPlan plan, SyncManifest manifest, CancellationToken cancellationToken)
    {
        foreach (var entry in plan.Deletes)
        {
            if (plan.HasFailures)
            {
                plan.Update(entry.RelativePath, entry.Section, i => i with { Action = DocumentSyncAction.Failed, Reason = DeleteGuard.AfterFailure });
                continue;
            }

            try
            {
                await client.DeleteAsync(target, entry.FileReferenceId!, cancellationToken).ConfigureAwait(false);
            }
            catch (DitioApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Already gone from the page: nothing left to delete.
            }
            catch (DitioException ex)
            {
                plan.Update(entry.RelativePath, entry.Section, i => i with { Action = DocumentSyncAction.Failed, Reason = ex.Message });
                continue;
            }

            await RecordAsync(manifest, () => manifest.Entries.Remove(SyncManifest.Key(entry.Section, entry.RelativePath)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Changes the manifest and writes it, one writer at a time.</summary>
    private async Task RecordAsync(SyncManifest manifest, Action change, CancellationToken cancellationToken)
    {
        await _manifestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            change();
            await SyncManifestFile.SaveAsync(manifest, manifestPath, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _manifestGate.Release();
        }
    }
}
