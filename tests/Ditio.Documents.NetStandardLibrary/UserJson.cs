using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ditio.Documents;

namespace Ditio.Documents.NetStandardLibrary;

/// <summary>A user's answer type holding the SDK's models.</summary>
public sealed record UserAnswer(DitioProject Project, IReadOnlyList<DocumentPage> Pages);

/// <summary>
/// A user's own source-generated JSON context holding the SDK's models (what a trimmed or Native AOT app writes). It
/// builds only because the converters the models name are public: an internal one is SYSLIB1220, an error here.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UserAnswer))]
public sealed partial class UserJsonContext : JsonSerializerContext;
