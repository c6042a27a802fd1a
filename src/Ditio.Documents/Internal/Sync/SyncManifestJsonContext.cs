using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// The manifest's compile-time JSON contract (camelCase, indented, as a person may read it), so
/// <see cref="SyncManifestFile"/> runs without reflection in a trimmed or Native AOT application.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(SyncManifest))]
internal sealed partial class SyncManifestJsonContext : JsonSerializerContext;
