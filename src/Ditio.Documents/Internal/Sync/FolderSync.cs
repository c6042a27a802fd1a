using Ditio.Documents.Internal.Uploads;

namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// Carries out a <see cref="SyncPlan"/>: uploads in requests under the limits (every one replacing by name, so a
/// repeat never doubles a document), up to the parallel limit, recording each request in the manifest before it is
/// sent (pending) and after it is answered; then deletes.
/// </summary>
internal sealed class FolderSync(IDitioDocumentsClient client, DitioTransferOptions limits, DocumentTarget target, string manifestPath) : IDisposable
{
    private readonly SemaphoreSlim _manifestGate = new(1, 1);

    public void Dispose() => _manifestGate.Dispose();

    public async Task<DocumentSyncResult> RunAsync(string folder, DocumentSyncOptions options, CancellationToken cancellationToken)
    {
        var manifest = await SyncManifest.LoadAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        var entries = manifest.For(target);
        var files = LocalFile.Scan(folder, options, manifestPath);
        var pages = await client.GetPagesAsync(target, cancellationToken).ConfigureAwait(false);
        var plan = await SyncPlan.CreateAsync(files, entries, pages, options, cancellationToken).ConfigureAwait(false);
        RefuseBrokenRules(plan);
        if (!options.DryRun)
        {
            await UploadAsync(plan, manifest, entries, options, cancellationToken).ConfigureAwait(false);
            await DeleteAsync(plan, manifest, entries, cancellationToken).ConfigureAwait(false);
        }

        return new DocumentSyncResult { Items = [.. plan.Items.OrderBy(i => i.RelativePath, StringComparer.Ordinal)], DryRun = options.DryRun };
    }

    private async Task UploadAsync(SyncPlan plan, SyncManifest manifest, Dictionary<string, ManifestEntry> entries, DocumentSyncOptions options, CancellationToken cancellationToken)
    {
        var boundary = UploadContent.NewBoundary();
        var batches = new List<List<LocalFile>>();
        foreach (var section in plan.Uploads.GroupBy(u => u.File.Section?.Trim().ToUpperInvariant()))
        {
            var sendable = section.Select(u => u.File).ToList();
            var uploads = sendable.Select(f => DocumentUploadFile.FromPath(f.FullPath)).ToList();
            batches.AddRange(UploadPlanner.Plan(uploads, Enumerable.Range(0, uploads.Count), limits.MaxRequestBytes, boundary, limits.MaxFilesPerRequest)
                .Select(batch => batch.Select(i => sendable[i]).ToList()));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = limits.MaxParallelRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, parallel, (batch, ct) => new ValueTask(SendBatchAsync(plan, manifest, entries, batch, options, ct))).ConfigureAwait(false);
    }

    /// <summary>Files Ditio would refuse (type, SVG size, too large for any request) fail now, in a dry run too, and are not sent.</summary>
    private void RefuseBrokenRules(SyncPlan plan)
    {
        var boundary = UploadContent.NewBoundary();
        foreach (var (file, _) in plan.Uploads.ToList())
        {
            if (UploadRules.Check(DocumentUploadFile.FromPath(file.FullPath), limits, boundary) is { } broken)
            {
                Fail(plan, file, broken);
                plan.Uploads.RemoveAll(u => u.File == file);
            }
        }
    }

    private async Task SendBatchAsync(
        SyncPlan plan, SyncManifest manifest, Dictionary<string, ManifestEntry> entries, List<LocalFile> batch, DocumentSyncOptions options, CancellationToken cancellationToken)
    {
        var pending = new List<ManifestEntry>();
        foreach (var file in batch)
        {
            pending.Add(new ManifestEntry
            {
                RelativePath = file.RelativePath,
                Section = file.Section,
                Name = file.Name,
                Size = file.Size,
                Sha256 = await file.Sha256Async(cancellationToken).ConfigureAwait(false),
                Pending = true,
            });
        }

        await RecordAsync(manifest, () => pending.ForEach(e => entries[SyncManifest.Key(e.Section, e.RelativePath)] = e), cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await client.UploadAsync(
                target,
                batch.Select(f => DocumentUploadFile.FromPath(f.FullPath)),
                new DocumentUploadOptions { Section = batch[0].Section, ReplaceExistingFilesWithSameName = true, Progress = options.Progress },
                cancellationToken).ConfigureAwait(false);
            await RecordAsync(manifest, () => Complete(plan, batch, pending, result), cancellationToken).ConfigureAwait(false);
        }
        catch (DitioException ex)
        {
            lock (plan)
            {
                batch.ForEach(f => Fail(plan, f, ex.Message));
            }
        }
    }

    private static void Complete(SyncPlan plan, List<LocalFile> batch, List<ManifestEntry> pending, DocumentUploadResult result)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var created = result.Files.Count == batch.Count ? result.Files[i] : result.Files.FirstOrDefault(f => f.Name == batch[i].Name);
            pending[i].FileReferenceId = created?.FileReferenceId;
            pending[i].Pending = created is null;
            var index = plan.Items.FindIndex(item => item.RelativePath == batch[i].RelativePath && item.Action is DocumentSyncAction.Added or DocumentSyncAction.Replaced);
            plan.Items[index] = plan.Items[index] with { FileReferenceId = created?.FileReferenceId };
        }
    }

    private async Task DeleteAsync(SyncPlan plan, SyncManifest manifest, Dictionary<string, ManifestEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in plan.Deletes)
        {
            try
            {
                if (entry.FileReferenceId is { } id)
                {
                    await client.DeleteAsync(target, id, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (DitioApiException ex) when (ex.IsNotFound)
            {
                // Already gone from the page: nothing left to delete.
            }
            catch (DitioException ex)
            {
                var index = plan.Items.FindIndex(i => i.RelativePath == entry.RelativePath && i.Action == DocumentSyncAction.Deleted);
                plan.Items[index] = plan.Items[index] with { Action = DocumentSyncAction.Failed, Reason = ex.Message };
                continue;
            }

            await RecordAsync(manifest, () => entries.Remove(SyncManifest.Key(entry.Section, entry.RelativePath)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Changes the manifest and writes it, one writer at a time.</summary>
    private async Task RecordAsync(SyncManifest manifest, Action change, CancellationToken cancellationToken)
    {
        await _manifestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            change();
            await manifest.SaveAsync(manifestPath, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _manifestGate.Release();
        }
    }

    private static void Fail(SyncPlan plan, LocalFile file, string reason)
    {
        var index = plan.Items.FindIndex(i => i.RelativePath == file.RelativePath && i.Action is DocumentSyncAction.Added or DocumentSyncAction.Replaced);
        plan.Items[index] = plan.Items[index] with { Action = DocumentSyncAction.Failed, Reason = reason };
    }
}
