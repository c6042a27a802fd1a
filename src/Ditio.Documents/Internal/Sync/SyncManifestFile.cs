using System.Text.Json;

namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// Reads a manifest and proves it belongs to this folder, target and section before the sync may use it; writes it
/// atomically (a temporary file flushed to disk, then moved over the old one), so a crash leaves the old or the new one.
/// </summary>
internal static class SyncManifestFile
{
    /// <exception cref="DitioSyncManifestException">The manifest is corrupt, of another version, or not this sync's.</exception>
    public static async Task<SyncManifest> LoadAsync(string path, string folder, DocumentTarget target, DocumentSyncOptions options, CancellationToken cancellationToken)
    {
        var fresh = new SyncManifest
        {
            Folder = folder, Target = SyncManifest.TargetKey(target), Section = options.Section, SectionsFromFolders = options.SectionsFromFolders,
        };
        if (!File.Exists(path))
        {
            return fresh;
        }

        var manifest = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        CheckBelongs(manifest, fresh, path);
        return manifest;
    }

    public static async Task SaveAsync(SyncManifest manifest, string path, CancellationToken cancellationToken)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, manifest, SyncManifestJsonContext.Default.SyncManifest, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static async Task<SyncManifest> ReadAsync(string path, CancellationToken cancellationToken)
    {
        const string wayOut = "Move it away and run again: documents it listed then count as somebody else's (conflicts) until you run once with --replace-existing (ReplaceExisting).";
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
                {
                    throw Refuse(path, $"The sync manifest '{path}' is not a ditio-docs manifest (no format version). {wayOut}");
                }

                if (!version.TryGetInt32(out var number) || number != SyncManifest.CurrentVersion)
                {
                    throw Refuse(path, number > SyncManifest.CurrentVersion || !version.TryGetInt32(out _)
                        ? $"The sync manifest '{path}' has format version {version.GetRawText()}, newer than this version of Ditio.Documents knows ({SyncManifest.CurrentVersion}): update ditio-docs (Ditio.Documents) and run again."
                        : $"The sync manifest '{path}' has format version {number}, which does not record the folder and target it belongs to. {wayOut}");
                }

                var manifest = document.RootElement.Deserialize(SyncManifestJsonContext.Default.SyncManifest);
                return Complete(manifest) ? manifest! : throw Refuse(path, $"The sync manifest '{path}' is corrupt (fields missing or empty). {wayOut}");
            }
        }
        catch (JsonException ex)
        {
            throw Refuse(path, $"The sync manifest '{path}' is corrupt ({ex.Message.Split([" Path:"], StringSplitOptions.None)[0].TrimEnd('.')}). {wayOut}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refuse(path, $"The sync manifest '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    private static bool Complete(SyncManifest? manifest) =>
        manifest is { Folder.Length: > 0, Target.Length: > 0, Pages: not null, Entries: not null }
        && manifest.Pages.All(p => p.Key is not null && !string.IsNullOrEmpty(p.Value))
        && manifest.Entries.All(e => e.Value is { RelativePath.Length: > 0, Name.Length: > 0, Sha256: not null } && e.Key == SyncManifest.Key(e.Value.Section, e.Value.RelativePath));

    private static void CheckBelongs(SyncManifest manifest, SyncManifest expected, string path)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!string.Equals(manifest.Folder, expected.Folder, comparison))
        {
            throw Refuse(path, $"The sync manifest '{path}' belongs to the folder '{manifest.Folder}', not '{expected.Folder}' (copied or shared?): nothing was sent. Sync '{manifest.Folder}' itself, or give this folder a manifest of its own (--manifest PATH, or move this one away).");
        }

        if (manifest.Target != expected.Target)
        {
            throw Refuse(path, $"The sync manifest '{path}' belongs to the target {manifest.Target}, not {expected.Target}: nothing was sent. Sync to {manifest.Target}, or use another manifest for this target (--manifest PATH).");
        }

        if (SyncManifest.SectionKey(manifest.Section) != SyncManifest.SectionKey(expected.Section) || manifest.SectionsFromFolders != expected.SectionsFromFolders)
        {
            throw Refuse(path, $"The sync manifest '{path}' was written for {Describe(manifest)}, not {Describe(expected)}: nothing was sent. Run with the same section options, or use another manifest (--manifest PATH).");
        }
    }

    private static string Describe(SyncManifest m) =>
        (m.Section is null ? "the default page" : $"section '{m.Section}'") + (m.SectionsFromFolders ? " with sections from folders" : "");

    private static DitioSyncManifestException Refuse(string path, string message, Exception? inner = null) => new(message, path, inner);
}
