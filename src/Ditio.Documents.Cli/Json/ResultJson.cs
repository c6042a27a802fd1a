namespace Ditio.Documents.Cli.Json;

/// <summary>What <c>rm --json</c> prints.</summary>
internal sealed record RmJson(string Deleted, string Target);

/// <summary>What <c>describe --json</c> prints.</summary>
internal sealed record DescribeJson(string Target, string? Section, string? ExternalId, string? Title, string? Description);

/// <summary>What <c>push --json</c> prints: the counts, then one entry per file.</summary>
internal sealed record PushJson(string Target, string? Section, int Uploaded, int Failed, int Requests, IReadOnlyList<PushFileJson> Files);

/// <summary>One file of <see cref="PushJson"/>.</summary>
internal sealed record PushFileJson(string? Path, string Name, DocumentUploadStatus Status, string? FileReferenceId, string? Error);

/// <summary>What <c>sync --json</c> prints: the counts, then every item.</summary>
internal sealed record SyncJson(
    string Folder,
    string Target,
    bool DryRun,
    int Added,
    int Replaced,
    int Unchanged,
    int Deleted,
    int Conflicts,
    int Failed,
    int Skipped,
    int Excluded,
    IReadOnlyList<DocumentSyncItem> Items);
