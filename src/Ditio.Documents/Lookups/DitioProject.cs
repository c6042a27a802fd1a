using System.Text.Json;
using System.Text.Json.Serialization;
using Ditio.Documents.Serialization;
using Ditio.Documents.Internal.Json;

namespace Ditio.Documents;

/// <summary>A Ditio project: a top-level job with a Ditio id and a human project number.</summary>
public sealed record DitioProject
{
    /// <summary>Gets the Ditio id of the project (an opaque string); documents are attached to it.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string Id { get; init => field = value ?? ""; } = "";

    /// <summary>Gets the id of the company that owns the project.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string CompanyId { get; init => field = value ?? ""; } = "";

    /// <summary>Gets the human project number, such as <c>P-2026-001</c> (free text).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string ProjectNumber { get; init => field = value ?? ""; } = "";

    /// <summary>Gets the project name.</summary>
    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary>Gets a value indicating whether the project is active.</summary>
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Active { get; init; }

    /// <summary>Gets the project number in an external system, when set.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ExternalProjectNumber { get; init; }

    /// <summary>Gets the description, when set.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the start date, when set.</summary>
    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Gets the planned finish date, when set.</summary>
    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? FinishedDatePlanned { get; init; }

    /// <summary>Gets the actual finish date, when the project is finished.</summary>
    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? FinishedDate { get; init; }

    /// <summary>Gets the customer's name, when set.</summary>
    public string? ProjectCustomerName { get; init; }

    /// <summary>Gets the address, when set.</summary>
    public string? ProjectAddress { get; init; }

    /// <summary>Gets the main contact's e-mail address, when set.</summary>
    public string? MainContactEmail { get; init; }

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
