using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditio.Documents.Cli.Json;

/// <summary>
/// The compile-time JSON contracts of everything <c>--json</c> prints, so no reflection runs and the tool can be a Native
/// AOT binary. The SDK's lookup and listing models are not listed here as they are (this context could not see the
/// SDK-internal member that carries their additional fields), so they go through the mirrors in <see cref="ModelJson"/>; the rest are the SDK's plain models
/// and the commands' own results (<see cref="PushJson"/> and the like).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<ProjectJson>))]
[JsonSerializable(typeof(IReadOnlyList<WorkOrderJson>))]
[JsonSerializable(typeof(IReadOnlyList<PageJson>))]
[JsonSerializable(typeof(DownloadedDocument))]
[JsonSerializable(typeof(RmJson))]
[JsonSerializable(typeof(DescribeJson))]
[JsonSerializable(typeof(PushJson))]
[JsonSerializable(typeof(SyncJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The contracts with the output settings: camelCase, indented, nulls left out, non-ASCII text as it is, enums as
    /// camelCase strings (one generic converter per enum printed, as Native AOT needs).
    /// </summary>
    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new JsonStringEnumConverter<DocumentUploadStatus>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<DocumentSyncAction>(JsonNamingPolicy.CamelCase),
        },
    });
}
