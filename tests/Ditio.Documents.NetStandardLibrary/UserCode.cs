using Ditio.Documents;

namespace Ditio.Documents.NetStandardLibrary;

/// <summary>What a user's netstandard2.0 code writes against the SDK: options with init-only properties, records copied with <c>with</c>.</summary>
public static class UserCode
{
    public static DocumentUploadOptions UploadOptions() => new() { Section = "Tegninger", ReplaceExistingFilesWithSameName = true };

    public static DocumentSyncOptions SyncOptions() => new() { Section = "Tegninger", DeleteRemoved = true, MaxDelete = 3, DryRun = true, Exclude = new[] { "*.tmp" } };

    public static DitioProject Renamed(DitioProject project) => project with { Name = "Renamed", Active = false };

    public static DitioProject Project() => new() { Id = "p1", ProjectNumber = "P-1", Name = "Fjellhall", CompanyId = "c1", Active = true };
}
