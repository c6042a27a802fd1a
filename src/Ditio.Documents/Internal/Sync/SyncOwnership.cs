using Ditio.Documents.Internal.Uploads;

namespace Ditio.Documents.Internal.Sync;

/// <summary>What the namesakes on a file's page mean for its upload.</summary>
/// <param name="Conflict">Why the file must not be uploaded, if so.</param>
/// <param name="ConflictId">The document in the way.</param>
/// <param name="Supersedes">Entries of ours whose files are gone and whose documents this upload replaces (rename, move).</param>
/// <param name="Replaces">Whether the upload replaces a document on the page.</param>
internal sealed record NamesakeVerdict(string? Conflict, string? ConflictId, List<ManifestEntry> Supersedes, bool Replaces);

/// <summary>
/// Who owns what on the target: a document is this sync's only when the manifest holds its id. Finds the page a file
/// lands on by the page Ditio reported before (whatever it is called now), else by section name, else, for the default
/// page of a work order, which Ditio does not name, by looking at every page.
/// </summary>
internal sealed class SyncOwnership(IReadOnlyList<DocumentPage> pages, SyncManifest manifest, DocumentTarget target)
{
    private const string DefaultProjectSection = "Documents";
    private readonly Dictionary<string, string> _listed = pages.SelectMany(p => p.Files).DistinctBy(f => f.FileReferenceId).ToDictionary(f => f.FileReferenceId, f => f.Name, StringComparer.Ordinal);

    public bool IsListed(string fileReferenceId) => _listed.ContainsKey(fileReferenceId);

    /// <summary>
    /// Whether an id Ditio's upload answer gave a file cannot be that file's new document: it was on the target before
    /// under another name, or another entry of the manifest already holds it. Recording it would later delete the wrong one.
    /// </summary>
    public bool IsImplausible(string fileReferenceId, LocalFile file, ManifestEntry entry, IEnumerable<ManifestEntry> supersedes)
    {
        var owner = manifest.OwnerOf(fileReferenceId);
        return (owner is not null && owner != entry && !supersedes.Contains(owner))
            || (_listed.TryGetValue(fileReferenceId, out var name) && !DocumentNames.Same(name, file.Name));
    }

    /// <summary>Judges the documents on the file's page that have its name (ignoring case, as Ditio's replace does).</summary>
    public NamesakeVerdict Namesakes(LocalFile file, ManifestEntry? entry, HashSet<string> present, bool replaceExisting)
    {
        var candidates = LandingPage(file.Section) is { } page ? page.Files : (IsUnnamedDefault(file.Section) ? pages.SelectMany(p => p.Files) : []);
        var namesakes = candidates.Where(d => DocumentNames.Same(d.Name, file.Name)).ToList();
        var supersedes = new List<ManifestEntry>();
        var foreign = new List<DocumentPageFile>();
        foreach (var document in namesakes.Where(d => d.FileReferenceId != entry?.FileReferenceId))
        {
            var owner = manifest.OwnerOf(document.FileReferenceId);
            if (owner is not null && present.Contains(SyncManifest.Key(owner.Section, owner.RelativePath)))
            {
                return new($"'{owner.RelativePath}' of this folder already has the name '{document.Name}' on that page.", document.FileReferenceId, [], false);
            }

            if (owner is not null)
            {
                supersedes.Add(owner);
            }
            else
            {
                foreign.Add(document);
            }
        }

        // A request sent but not answered (pending) may have created one namesake before it broke off: that one is ours.
        if (entry is { Pending: true } && (entry.FileReferenceId is null || !IsListed(entry.FileReferenceId)) && foreign.Count == 1)
        {
            foreign.Clear();
        }

        if (foreign.Count > 0 && !replaceExisting)
        {
            return new(
                $"The page already holds '{foreign[0].Name}' ({foreign[0].FileReferenceId}), which this sync did not upload: rename the file, remove that document, or run with --replace-existing (ReplaceExisting) to replace it.",
                foreign[0].FileReferenceId, [], false);
        }

        return new(null, null, supersedes, namesakes.Count > 0);
    }

    public DocumentPage? LandingPage(string? section)
    {
        if (manifest.Pages.TryGetValue(SyncManifest.SectionKey(section), out var external) && pages.FirstOrDefault(p => p.PageExternalId == external) is { } known)
        {
            return known;
        }

        var name = section ?? (target.Kind == DocumentTargetKind.Project ? DefaultProjectSection : null);
        return name is null ? null : pages.FirstOrDefault(p => string.Equals(p.Section?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private bool IsUnnamedDefault(string? section) =>
        section is null && target.Kind != DocumentTargetKind.Project && !manifest.Pages.ContainsKey(SyncManifest.SectionKey(null));
}
