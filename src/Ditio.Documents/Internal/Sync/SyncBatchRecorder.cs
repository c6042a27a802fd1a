using Ditio.Documents.Internal.Uploads;

namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// Keeps the manifest in step with one section's upload requests: before a request, its files' entries are marked
/// pending (each keeping the id of the document it had, so a failure never orphans it); after the answer, each entry
/// takes the id of the document created for its file, matched by name. A request Ditio refused leaves the entries as
/// they were; one whose answer was lost stays pending, so the next run claims what it may have created.
/// </summary>
internal sealed class SyncBatchRecorder(
    SyncPlan plan, SyncManifest manifest, SyncOwnership ownership, List<PlannedUpload> uploads, Func<Action, CancellationToken, Task> record) : IBatchObserver
{
    private readonly Dictionary<string, ManifestEntry?> _before = new(StringComparer.Ordinal);

    public DocumentUploadOutcome?[] Outcomes { get; } = new DocumentUploadOutcome?[uploads.Count];

    public Task SendingAsync(IReadOnlyList<int> batch, CancellationToken cancellationToken) => record(() =>
    {
        foreach (var file in batch.Select(i => uploads[i].File))
        {
            manifest.Entries.TryGetValue(file.Key, out var entry);
            _before[file.Key] = entry?.Copy();
            entry ??= new ManifestEntry { RelativePath = file.RelativePath, Section = file.Section, Name = file.Name };
            entry.Pending = true;
            manifest.Entries[file.Key] = entry;
        }
    }, cancellationToken);

    public Task SentAsync(IReadOnlyList<int> batch, DocumentUploadResult? result, CancellationToken cancellationToken) => record(() =>
    {
        if (result?.PageExternalId is { Length: > 0 } page)
        {
            manifest.Pages[SyncManifest.SectionKey(uploads[batch[0]].File.Section)] = page;
        }

        foreach (var i in batch)
        {
            Complete(uploads[i], Outcomes[i]!);
        }
    }, cancellationToken);

    private void Complete(PlannedUpload upload, DocumentUploadOutcome outcome)
    {
        var file = upload.File;
        if (outcome.Status == DocumentUploadStatus.Failed)
        {
            if (outcome.Error is not DitioApiException { Kind: DitioFailureKind.NoResponse or DitioFailureKind.Timeout or DitioFailureKind.InvalidResponse })
            {
                Restore(file.Key);
            }

            plan.Update(file.RelativePath, file.Section, i => i with { Action = DocumentSyncAction.Failed, Reason = outcome.Error?.Message });
            return;
        }

        var entry = manifest.Entries[file.Key];
        if (outcome.FileReferenceId is not { } id)
        {
            plan.Update(file.RelativePath, file.Section, i => i with { Reason = "Uploaded, but Ditio's answer did not name the document: the next sync finds it by name." });
            return;
        }

        if (ownership.IsImplausible(id, file, entry, upload.Supersedes))
        {
            plan.Update(file.RelativePath, file.Section, i => i with
            {
                Action = DocumentSyncAction.Failed,
                Reason = $"Ditio's answer gave it the id {id}, which belongs to another document: not recorded, so no sync will ever delete that one for this file.",
            });
            return;
        }

        (entry.FileReferenceId, entry.Size, entry.Sha256, entry.Name, entry.Pending) = (id, file.Size, upload.Sha256, file.Name, false);
        foreach (var gone in upload.Supersedes)
        {
            manifest.Entries.Remove(SyncManifest.Key(gone.Section, gone.RelativePath));
        }

        plan.Update(file.RelativePath, file.Section, i => i with { FileReferenceId = id });
    }

    private void Restore(string key)
    {
        if (_before[key] is { } before)
        {
            manifest.Entries[key] = before;
        }
        else
        {
            manifest.Entries.Remove(key);
        }
    }
}
