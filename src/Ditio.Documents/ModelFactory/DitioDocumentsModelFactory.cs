using System.Text.Json;

namespace Ditio.Documents;

/// <summary>
/// Builds the SDK's results and exceptions as the client returns and throws them, so code that calls
/// <see cref="IDitioDocumentsClient"/> can be tested with a mocked or hand-written client, without Ditio or the emulator.
/// </summary>
/// <remarks>
/// One method per type, named after it, every parameter optional (as in Azure's <c>*ModelFactory</c> classes). The
/// exceptions come out exactly as the client makes them, message included; types the client makes with internal
/// constructors (<see cref="Documents.DocumentDownload"/>, the exceptions) can only be made here.
/// </remarks>
/// <example>
/// <code>
/// var ditio = Substitute.For&lt;IDitioDocumentsClient&gt;();
/// ditio.FindProjectByNumberAsync("P-2026-001", Arg.Any&lt;CancellationToken&gt;())
///     .Returns(DitioDocumentsModelFactory.DitioProject(id: "p1", projectNumber: "P-2026-001"));
/// ditio.GetPagesAsync(Arg.Any&lt;DocumentTarget&gt;(), Arg.Any&lt;CancellationToken&gt;())
///     .ThrowsAsync(DitioDocumentsModelFactory.DitioApiException(HttpStatusCode.ServiceUnavailable));
/// </code>
/// </example>
public static partial class DitioDocumentsModelFactory
{
    /// <summary>Builds a project, as <see cref="IDitioDocumentsClient.GetProjectsAsync"/> and <see cref="IDitioDocumentsClient.FindProjectByNumberAsync"/> return it.</summary>
    /// <param name="id">The Ditio id.</param>
    /// <param name="projectNumber">The human project number.</param>
    /// <param name="name">The name.</param>
    /// <param name="companyId">The owning company's id.</param>
    /// <param name="active">Whether the project is active.</param>
    /// <param name="externalProjectNumber">The number in another system, if any.</param>
    /// <param name="description">The description, if any.</param>
    /// <param name="startDate">The start date, if any.</param>
    /// <param name="finishedDatePlanned">The planned finish date, if any.</param>
    /// <param name="finishedDate">The finish date, if any.</param>
    /// <param name="projectCustomerName">The customer's name, if any.</param>
    /// <param name="projectAddress">The address, if any.</param>
    /// <param name="mainContactEmail">The main contact's e-mail, if any.</param>
    /// <param name="additionalFields">Fields the SDK does not model, if any.</param>
    /// <returns>The project.</returns>
    public static DitioProject DitioProject(
        string id = "65f1a2b3c4d5e6f7a8b9c0d1",
        string projectNumber = "P-2026-001",
        string name = "Project",
        string companyId = "",
        bool active = true,
        string? externalProjectNumber = null,
        string? description = null,
        DateTimeOffset? startDate = null,
        DateTimeOffset? finishedDatePlanned = null,
        DateTimeOffset? finishedDate = null,
        string? projectCustomerName = null,
        string? projectAddress = null,
        string? mainContactEmail = null,
        IDictionary<string, JsonElement>? additionalFields = null) => new()
        {
            Id = id,
            ProjectNumber = projectNumber,
            Name = name,
            CompanyId = companyId,
            Active = active,
            ExternalProjectNumber = externalProjectNumber,
            Description = description,
            StartDate = startDate,
            FinishedDatePlanned = finishedDatePlanned,
            FinishedDate = finishedDate,
            ProjectCustomerName = projectCustomerName,
            ProjectAddress = projectAddress,
            MainContactEmail = mainContactEmail,
            AdditionalFields = additionalFields,
        };

    /// <summary>Builds a work order, as <see cref="IDitioDocumentsClient.GetWorkOrdersAsync"/> returns it.</summary>
    /// <param name="id">The Ditio id.</param>
    /// <param name="projectId">The project's id.</param>
    /// <param name="externalId">The work order's number, such as <c>WO-100</c>.</param>
    /// <param name="name">The name.</param>
    /// <param name="active">Whether the work order is active.</param>
    /// <param name="companyId">The owning company's id, if given.</param>
    /// <param name="workDescriptionShort">The short description, if any.</param>
    /// <param name="workDescription">The description, if any.</param>
    /// <param name="additionalFields">Fields the SDK does not model, if any.</param>
    /// <returns>The work order.</returns>
    public static DitioWorkOrder DitioWorkOrder(
        string id = "66a1b2c3d4e5f6a7b8c9d0e2",
        string projectId = "65f1a2b3c4d5e6f7a8b9c0d1",
        string? externalId = null,
        string name = "Work order",
        bool active = true,
        string? companyId = null,
        string? workDescriptionShort = null,
        string? workDescription = null,
        IDictionary<string, JsonElement>? additionalFields = null) => new()
        {
            Id = id,
            ProjectId = projectId,
            ExternalId = externalId,
            Name = name,
            Active = active,
            CompanyId = companyId,
            WorkDescriptionShort = workDescriptionShort,
            WorkDescription = workDescription,
            AdditionalFields = additionalFields,
        };

    /// <summary>Builds a folder or page description, as <see cref="IDitioDocumentsClient.SetDescriptionAsync"/> returns it.</summary>
    /// <param name="externalId">The folder's or page's handle, such as <c>int-projdocs:{projectId}:drawings</c>.</param>
    /// <param name="title">The title.</param>
    /// <param name="description">The description, or <see langword="null"/> when cleared.</param>
    /// <returns>The description.</returns>
    public static DocumentDescription DocumentDescription(string? externalId = null, string? title = null, string? description = null) =>
        new() { ExternalId = externalId, Title = title, Description = description };
}
