using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// What earlier syncs uploaded, per target and section: relative path, size, SHA-256 and file reference id. Written
/// atomically (a temporary file moved over the old one), so a crash leaves either the old or the new manifest.
/// </summary>
internal sealed class SyncManifest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public int Version { get; set; } = 1;

    /// <summary>Entries by target (<c>project:{id}</c>, <c>task:{id}</c>), then by <see cref="Key"/>.</summary>
    public Dictionary<string, Dictionary<string, ManifestEntry>> Targets { get; set; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public bool Existed { get; private set; }

    public static string TargetKey(DocumentTarget target) => $"{(target.Kind == DocumentTargetKind.Project ? "project" : "task")}:{target.Id}";

    /// <summary>An entry's key: the section (case-insensitive, as Ditio pages are) and the relative path.</summary>
    public static string Key(string? section, string relativePath) => $"{section?.Trim().ToUpperInvariant()}|{relativePath}";

    public static async Task<SyncManifest> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new SyncManifest();
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var manifest = await JsonSerializer.DeserializeAsync<SyncManifest>(stream, Json, cancellationToken).ConfigureAwait(false)
                ?? new SyncManifest();
            manifest.Existed = true;
            return manifest;
        }
    }

    public Dictionary<string, ManifestEntry> For(DocumentTarget target)
    {
        var key = TargetKey(target);
        if (!Targets.TryGetValue(key, out var entries))
        {
            entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
            Targets[key] = entries;
        }

        return entries;
    }

    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var stream = File.Create(temp);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>One file the sync uploaded, or is uploading (<see cref="Pending"/>: sent, answer not yet recorded).</summary>
internal sealed class ManifestEntry
{
    public string RelativePath { get; set; } = "";

    public string? Section { get; set; }

    public string Name { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public string? FileReferenceId { get; set; }

    public bool Pending { get; set; }
}
