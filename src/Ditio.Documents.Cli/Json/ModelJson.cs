using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditio.Documents.Cli.Json;

/// <summary>
/// What <c>--json</c> prints for the SDK's lookup and listing models: the same members in the same order as the models
/// (and their additional fields at the end), as the models would serialize themselves. These mirrors exist because a
/// source-generated context outside the SDK cannot see the SDK-internal member that carries the models' additional
/// fields (it would leave them out); the tests compare the two shapes (CliJsonShapeTests, Attack3JsonShapeTests).
/// </summary>
internal static class ModelJson
{
    public static IReadOnlyList<ProjectJson> Of(IReadOnlyList<DitioProject> projects) => [.. projects.Select(p => new ProjectJson
    {
        Id = p.Id,
        CompanyId = p.CompanyId,
        ProjectNumber = p.ProjectNumber,
        Name = p.Name,
        Active = p.Active,
        ExternalProjectNumber = p.ExternalProjectNumber,
        Description = p.Description,
        StartDate = p.StartDate,
        FinishedDatePlanned = p.FinishedDatePlanned,
        FinishedDate = p.FinishedDate,
        ProjectCustomerName = p.ProjectCustomerName,
        ProjectAddress = p.ProjectAddress,
        MainContactEmail = p.MainContactEmail,
        AdditionalFields = p.AdditionalFields,
    })];

    public static IReadOnlyList<WorkOrderJson> Of(IReadOnlyList<DitioWorkOrder> workOrders) => [.. workOrders.Select(w => new WorkOrderJson
    {
        Id = w.Id,
        ProjectId = w.ProjectId,
        ExternalId = w.ExternalId,
        Name = w.Name,
        Active = w.Active,
        CompanyId = w.CompanyId,
        WorkDescriptionShort = w.WorkDescriptionShort,
        WorkDescription = w.WorkDescription,
        AdditionalFields = w.AdditionalFields,
    })];

    public static IReadOnlyList<PageJson> Of(IReadOnlyList<DocumentPage> pages) => [.. pages.Select(p => new PageJson(
        p.Section,
        p.PageExternalId,
        [.. p.Files.Select(f => new PageFileJson(f.FileReferenceId, f.Name))]))];
}

/// <summary>A <see cref="DitioProject"/> as <c>--json</c> prints it.</summary>
internal sealed record ProjectJson
{
    public string Id { get; init; } = "";

    public string CompanyId { get; init; } = "";

    public string ProjectNumber { get; init; } = "";

    public string Name { get; init; } = "";

    public bool Active { get; init; }

    public string? ExternalProjectNumber { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? FinishedDatePlanned { get; init; }

    public DateTimeOffset? FinishedDate { get; init; }

    public string? ProjectCustomerName { get; init; }

    public string? ProjectAddress { get; init; }

    public string? MainContactEmail { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalFields { get; set; }
}

/// <summary>A <see cref="DitioWorkOrder"/> as <c>--json</c> prints it.</summary>
internal sealed record WorkOrderJson
{
    public string Id { get; init; } = "";

    public string ProjectId { get; init; } = "";

    public string? ExternalId { get; init; }

    public string Name { get; init; } = "";

    public bool Active { get; init; }

    public string? CompanyId { get; init; }

    public string? WorkDescriptionShort { get; init; }

    public string? WorkDescription { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalFields { get; set; }
}

/// <summary>A <see cref="DocumentPage"/> as <c>--json</c> prints it.</summary>
internal sealed record PageJson(string? Section, string? PageExternalId, IReadOnlyList<PageFileJson> Files);

/// <summary>A <see cref="DocumentPageFile"/> as <c>--json</c> prints it.</summary>
internal sealed record PageFileJson(string FileReferenceId, string Name);
