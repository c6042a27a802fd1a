using Ditio.Documents.Internal.Uploads;

namespace Ditio.Documents.Internal.Sync;

/// <summary>One file to upload: what it is, how it goes, and the manifest entries of ours it replaces on the page (a rename or move).</summary>
internal sealed record PlannedUpload(LocalFile File, DocumentUploadFile Upload, string Sha256, List<ManifestEntry> Supersedes);

/// <summary>
/// What a sync will do: an item per entry of the folder, the files to upload and the documents to delete. A document is
/// ours only when the manifest holds its id (<see cref="SyncOwnership"/>); everything else on the page is left alone.
/// </summary>
internal sealed class SyncPlan
{
    private readonly HashSet<string> _refusedDeletes = new(StringComparer.Ordinal);

    public List<DocumentSyncItem> Items { get; } = [];

    public List<PlannedUpload> Uploads { get; } = [];

    public List<ManifestEntry> Deletes { get; } = [];

    /// <summary>Entries to forget without a request: their document is no longer on the page, or was never known.</summary>
    public List<ManifestEntry> Forget { get; } = [];

    /// <summary>Gets a value indicating whether anything failed (a delete refused by a guard is not a failure that blocks others).</summary>
    public bool HasFailures => Items.Exists(i => i.Action == DocumentSyncAction.Failed && !_refusedDeletes.Contains(SyncManifest.Key(i.Section, i.RelativePath)));

    public static async Task<SyncPlan> CreateAsync(
        FolderScanner scan, SyncManifest manifest, SyncOwnership ownership, DocumentSyncOptions options, DitioTransferOptions limits, CancellationToken cancellationToken)
    {
        var plan = new SyncPlan();
        plan.Items.AddRange(scan.Items);
        var clashes = scan.Files.GroupBy(f => (SyncManifest.SectionKey(f.Section), DocumentNames.Key(f.Name)))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(f => (f, others: g.Where(o => o != f).Select(o => o.RelativePath).ToList())))
            .ToDictionary(x => x.f, x => x.others);
        var present = scan.Files.Select(f => f.Key).Concat(scan.Items.Select(i => SyncManifest.Key(i.Section, i.RelativePath))).ToHashSet(StringComparer.Ordinal);
        var superseded = new HashSet<ManifestEntry>();
        var boundary = UploadContent.NewBoundary();
        foreach (var file in scan.Files)
        {
            if (clashes.TryGetValue(file, out var others))
            {
                plan.Add(file, DocumentSyncAction.Conflict, null, $"'{file.RelativePath}' and '{string.Join("', '", others)}' would land on one page under the same name.");
                continue;
            }

            try
            {
                await plan.DecideAsync(file, manifest, ownership, present, superseded, options, limits, boundary, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                plan.Add(file, DocumentSyncAction.Failed, null, $"It cannot be synced: {ex.Message}");
            }
        }

        plan.PlanDeletes(scan, manifest, ownership, present, superseded, options);
        return plan;
    }

    private async Task DecideAsync(
        LocalFile file, SyncManifest manifest, SyncOwnership ownership, HashSet<string> present, HashSet<ManifestEntry> superseded,
        DocumentSyncOptions options, DitioTransferOptions limits, string boundary, CancellationToken cancellationToken)
    {
        Validation.Guard.Section(file.Section, "section");
        manifest.Entries.TryGetValue(file.Key, out var entry);
        var sha = await file.Sha256Async(cancellationToken).ConfigureAwait(false);
        var ours = entry is { Pending: false, FileReferenceId: { } id } && ownership.IsListed(id);
        if (ours && file.Size == entry!.Size && sha == entry.Sha256)
        {
            Add(file, DocumentSyncAction.Unchanged, entry.FileReferenceId, null);
            return;
        }

        var verdict = ownership.Namesakes(file, entry, present, options.ReplaceExisting);
        if (verdict.Conflict is { } conflict)
        {
            Add(file, DocumentSyncAction.Conflict, verdict.ConflictId, conflict);
            return;
        }

        var upload = file.ToUpload();
        if (UploadRules.Check(upload, limits, boundary) is { } broken)
        {
            Add(file, DocumentSyncAction.Failed, null, broken);
            return;
        }

        superseded.UnionWith(verdict.Supersedes);
        Uploads.Add(new PlannedUpload(file, upload, sha, verdict.Supersedes));
        Add(file, ours || verdict.Replaces ? DocumentSyncAction.Replaced : DocumentSyncAction.Added, null, null);
    }

    private void PlanDeletes(FolderScanner scan, SyncManifest manifest, SyncOwnership ownership, HashSet<string> present, HashSet<ManifestEntry> superseded, DocumentSyncOptions options)
    {
        var failedBefore = HasFailures;
        var candidates = new List<ManifestEntry>();
        foreach (var (_, entry) in manifest.Entries.Where(e => !present.Contains(e.Key) && !superseded.Contains(e.Value)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (entry.FileReferenceId is not { } id || !ownership.IsListed(id))
            {
                Forget.Add(entry);
            }
            else if (options.DeleteRemoved)
            {
                candidates.Add(entry);
            }
        }

        var missing = MissingSectionFolders(scan, candidates, options);
        foreach (var entry in candidates.Where(e => missing.Contains(TopFolder(e.RelativePath)!)))
        {
            Items.Add(Refused(entry, DeleteGuard.EmptySectionFolder(TopFolder(entry.RelativePath)!)));
        }

        candidates.RemoveAll(e => missing.Contains(TopFolder(e.RelativePath) ?? ""));
        var refusal = candidates.Count == 0 ? null
            : failedBefore ? DeleteGuard.AfterFailure
            : scan.Files.Count == 0 ? DeleteGuard.EmptyFolder
            : candidates.Count > options.MaxDelete ? DeleteGuard.OverCap(candidates.Count, options.MaxDelete)
            : null;
        foreach (var entry in candidates)
        {
            Items.Add(refusal is null ? Refused(entry, null) with { Action = DocumentSyncAction.Deleted } : Refused(entry, refusal));
            if (refusal is null)
            {
                Deletes.Add(entry);
            }
        }
    }

    /// <summary>With sections from folders, top-level folders that held our files and now hold nothing at all (a share not mounted?).</summary>
    private static HashSet<string> MissingSectionFolders(FolderScanner scan, List<ManifestEntry> candidates, DocumentSyncOptions options)
    {
        if (!options.SectionsFromFolders)
        {
            return [];
        }

        var seen = scan.Files.Select(f => TopFolder(f.RelativePath)).Concat(scan.Items.Select(i => TopFolder(i.RelativePath) ?? i.RelativePath)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return candidates.Select(e => TopFolder(e.RelativePath)).OfType<string>().Where(t => !seen.Contains(t)).ToHashSet(StringComparer.Ordinal);
    }

    private static string? TopFolder(string relativePath) => relativePath.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? relativePath[..slash] : null;

    private DocumentSyncItem Refused(ManifestEntry entry, string? reason)
    {
        if (reason is not null)
        {
            _refusedDeletes.Add(SyncManifest.Key(entry.Section, entry.RelativePath));
        }

        return new()
        {
            RelativePath = entry.RelativePath, Section = entry.Section, FileReferenceId = entry.FileReferenceId, Action = DocumentSyncAction.Failed, Reason = reason,
        };
    }

    public void Add(LocalFile file, DocumentSyncAction action, string? fileReferenceId, string? reason) =>
        Items.Add(new DocumentSyncItem { RelativePath = file.RelativePath, Section = file.Section, Action = action, FileReferenceId = fileReferenceId, Reason = reason });

    /// <summary>Replaces the item of a file or delete (by path and section) with a changed copy.</summary>
    public void Update(string relativePath, string? section, Func<DocumentSyncItem, DocumentSyncItem> change)
    {
        lock (Items)
        {
            var index = Items.FindIndex(i => i.RelativePath == relativePath && SyncManifest.SectionKey(i.Section) == SyncManifest.SectionKey(section)
                && i.Action is DocumentSyncAction.Added or DocumentSyncAction.Replaced or DocumentSyncAction.Deleted);
            Items[index] = change(Items[index]);
        }
    }
}
