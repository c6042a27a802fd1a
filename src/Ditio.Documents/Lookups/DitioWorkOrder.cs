using System.Text.Json;
using System.Text.Json.Serialization;
using Ditio.Documents.Serialization;
using Ditio.Documents.Internal.Json;

namespace Ditio.Documents;

/// <summary>A Ditio work order (a "task" in Ditio's API): a unit of work inside a project.</summary>
public sealed record DitioWorkOrder
{
    /// <summary>Gets the Ditio id of the work order; documents can be attached to it.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string Id { get; init => field = value ?? ""; } = "";

    /// <summary>Gets the Ditio id of the project the work order belongs to.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string ProjectId { get; init => field = value ?? ""; } = "";

    /// <summary>Gets the id of the work order in an external system, when set.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ExternalId { get; init; }

    /// <summary>Gets the work order's name.</summary>
    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary>Gets a value indicating whether the work order is active.</summary>
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Active { get; init; }

    /// <summary>Gets the id of the owning company, when sent.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CompanyId { get; init; }

    /// <summary>Gets the short description (Ditio's default document section for the work order), when set.</summary>
    public string? WorkDescriptionShort { get; init; }

    /// <summary>Gets the long description, when set.</summary>
    public string? WorkDescription { get; init; }

    private IDictionary<string, JsonElement>? _additionalFields;

    /// <summary>Gets the fields Ditio sent that this model does not name, as raw JSON.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonElement>? AdditionalFields { get => _additionalFields; init => _additionalFields = value; }

    /// <summary>
    /// <see cref="AdditionalFields"/> as System.Text.Json fills it: the source generator cannot bind extension data to an
    /// init-only property (it takes those as constructor parameters), so the JSON contract uses this settable twin.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionData { get => _additionalFields; set => _additionalFields = value; }
}
