namespace Ditio.Documents.Internal.Sync;

/// <summary>What a sync will do: an item per file, the files to upload and the documents to delete.</summary>
internal sealed class SyncPlan
{
    public List<DocumentSyncItem> Items { get; } = [];

    public List<(LocalFile File, DocumentSyncAction Action)> Uploads { get; } = [];

    public List<ManifestEntry> Deletes { get; } = [];

    /// <summary>
    /// Decides per file: conflicts first (two files for one name on one page), then by the manifest and the page
    /// listing. A namesake on the page that the sync did not upload is adopted (replaced) only when the manifest has
    /// nothing for that page (it was lost, or this is the first sync); otherwise it is somebody else's and a conflict.
    /// </summary>
    public static async Task<SyncPlan> CreateAsync(
        List<LocalFile> files,
        Dictionary<string, ManifestEntry> manifest,
        IReadOnlyList<DocumentPage> pages,
        DocumentSyncOptions options,
        CancellationToken cancellationToken)
    {
        var plan = new SyncPlan();
        var clashes = files.GroupBy(f => (Section: f.Section?.Trim().ToUpperInvariant(), Name: f.Name.ToUpperInvariant()))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(f => (f, others: g.Where(o => o != f).Select(o => o.RelativePath).ToList())))
            .ToDictionary(x => x.f, x => x.others);
        foreach (var file in files)
        {
            if (clashes.TryGetValue(file, out var others))
            {
                plan.Items.Add(Item(file, DocumentSyncAction.Conflict, null, $"'{file.RelativePath}' and '{string.Join("', '", others)}' would land on one page under the same name."));
                continue;
            }

            await plan.DecideAsync(file, manifest, PageOf(pages, file.Section), cancellationToken).ConfigureAwait(false);
        }

        var present = files.Select(f => SyncManifest.Key(f.Section, f.RelativePath)).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, entry) in manifest.Where(e => !present.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (options.DeleteRemoved)
            {
                plan.Deletes.Add(entry);
                plan.Items.Add(new DocumentSyncItem { RelativePath = entry.RelativePath, Section = entry.Section, Action = DocumentSyncAction.Deleted, FileReferenceId = entry.FileReferenceId });
            }
        }

        return plan;
    }

    private async Task DecideAsync(LocalFile file, Dictionary<string, ManifestEntry> manifest, DocumentPage? page, CancellationToken cancellationToken)
    {
        manifest.TryGetValue(SyncManifest.Key(file.Section, file.RelativePath), out var entry);
        var onPage = entry?.FileReferenceId is { } id ? page?.Files.FirstOrDefault(d => d.FileReferenceId == id) : null;
        if (entry is { Pending: false } && onPage is not null)
        {
            var same = file.Size == entry.Size && await file.Sha256Async(cancellationToken).ConfigureAwait(false) == entry.Sha256;
            if (same)
            {
                Items.Add(Item(file, DocumentSyncAction.Unchanged, onPage.FileReferenceId, null));
                return;
            }

            Upload(file, DocumentSyncAction.Replaced);
            return;
        }

        var namesake = page?.Files.FirstOrDefault(d => string.Equals(d.Name, file.Name, StringComparison.OrdinalIgnoreCase));
        var pageIsManaged = manifest.Values.Any(e => !e.Pending && SameSection(e.Section, file.Section));
        if (entry is null && namesake is not null && pageIsManaged)
        {
            Items.Add(Item(file, DocumentSyncAction.Conflict, namesake.FileReferenceId,
                $"The page already holds '{namesake.Name}', which this sync did not upload: rename the file or remove that document."));
            return;
        }

        Upload(file, entry is null && namesake is not null ? DocumentSyncAction.Replaced : DocumentSyncAction.Added);
    }

    private void Upload(LocalFile file, DocumentSyncAction action)
    {
        Uploads.Add((file, action));
        Items.Add(Item(file, action, null, null));
    }

    private static DocumentPage? PageOf(IReadOnlyList<DocumentPage> pages, string? section) =>
        pages.FirstOrDefault(p => SameSection(p.Section, section ?? "Documents"));

    internal static bool SameSection(string? a, string? b) =>
        string.Equals(a?.Trim() ?? "Documents", b?.Trim() ?? "Documents", StringComparison.OrdinalIgnoreCase);

    private static DocumentSyncItem Item(LocalFile file, DocumentSyncAction action, string? fileReferenceId, string? reason) =>
        new() { RelativePath = file.RelativePath, Section = file.Section, Action = action, FileReferenceId = fileReferenceId, Reason = reason };
}
