using System.Text.Json;

namespace Ditio.Documents.Benchmarks.Bench;

/// <summary>What a hand-written client would declare: plain records, System.Text.Json's web defaults.</summary>
public static class RawJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

public sealed record RawPage(string? Section, string? PageExternalId, List<RawPageFile> Files);

public sealed record RawPageFile(string FileReferenceId, string Name);

public sealed record RawFileReference(string Id, string? CollectionRef, string? FileNameOrig, string? FileType, long? FileSize, DateTimeOffset? CreatedDateTime);

public sealed record RawUploadedFile(string Name, long? Size, string? Url, RawFileReference? FileReference);

public sealed record RawUploadResult(
    bool? Successful, string? Message, string? Section, string? PageExternalId, List<RawUploadedFile> Files, List<RawPageFile> InfoPageFiles);
