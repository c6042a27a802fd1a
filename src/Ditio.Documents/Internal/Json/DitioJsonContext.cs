using System.Text.Json;
using System.Text.Json.Serialization;
using Ditio.Documents.Internal.Authentication;

namespace Ditio.Documents.Internal.Json;

/// <summary>
/// The compile-time JSON contracts of every body the SDK reads or writes to Ditio, so no reflection runs and a trimmed or
/// Native AOT application behaves as any other: Ditio's answers (lookups, listings, upload results, descriptions), the
/// description body and the identity server's token answer. The settings are <see cref="DitioJson"/>'s (camelCase,
/// numbers from strings, unknown members skipped, the listing converter); lenient converters sit on the model fields.
/// The generated contracts build the models' init-only properties through their object initializer and pass a member
/// missing from the answer as <see langword="null"/>, so those properties read <see langword="null"/> as empty
/// (<c>init => field = value ?? ""</c>); extension data goes through a settable internal twin.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    Converters = [typeof(DocumentPageListConverter)])]
[JsonSerializable(typeof(List<DitioProject>))]
[JsonSerializable(typeof(DitioProject))]
[JsonSerializable(typeof(List<DitioWorkOrder>))]
[JsonSerializable(typeof(DocumentPageList))]
[JsonSerializable(typeof(DocumentPage))]
[JsonSerializable(typeof(IReadOnlyList<DocumentPage>))]
[JsonSerializable(typeof(DocumentUploadResult))]
[JsonSerializable(typeof(DocumentDescription))]
[JsonSerializable(typeof(DescriptionBody))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class DitioJsonContext : JsonSerializerContext;
