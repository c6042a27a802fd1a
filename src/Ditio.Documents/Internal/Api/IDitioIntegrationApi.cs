using Ditio.Documents.Internal.Http;
using Ditio.Documents.Internal.Json;
using Refit;

namespace Ditio.Documents.Internal.Api;

/// <summary>
/// Ditio's integration routes, exactly as Ditio documents them. Relative to the API base (which keeps its path
/// prefix, such as <c>/core</c>). Document routes take the target's segment (<c>projects</c> or <c>tasks</c>).
/// </summary>
internal interface IDitioIntegrationApi
{
    [Get("/api/v4/integration/projects")]
    Task<HttpResponseMessage> GetProjectsAsync(CancellationToken cancellationToken);

    [Get("/api/v4/integration/projects/by-project-number/{projectNumber}")]
    Task<HttpResponseMessage> GetProjectByNumberAsync(string projectNumber, CancellationToken cancellationToken);

    [Get("/api/v4/integration/tasks/project/{projectId}")]
    Task<HttpResponseMessage> GetWorkOrdersAsync(string projectId, CancellationToken cancellationToken);

    [Post("/api/v4/integration/{targetSegment}/{targetId}/documents")]
    Task<HttpResponseMessage> UploadAsync(
        string targetSegment,
        string targetId,
        [Query] string? section,
        [Query] string? replaceExistingFilesWithSameName,
        [Body] HttpContent files,
        [Property(DitioRequestOptions.TransferKey)] bool transfer,
        CancellationToken cancellationToken);

    [Get("/api/v4/integration/{targetSegment}/{targetId}/documents")]
    Task<HttpResponseMessage> GetPagesAsync(string targetSegment, string targetId, CancellationToken cancellationToken);

    [Get("/api/v4/integration/{targetSegment}/{targetId}/documents/{fileReferenceId}")]
    Task<HttpResponseMessage> DownloadAsync(
        string targetSegment,
        string targetId,
        string fileReferenceId,
        [Property(DitioRequestOptions.TransferKey)] bool transfer,
        CancellationToken cancellationToken);

    [Delete("/api/v4/integration/{targetSegment}/{targetId}/documents/{fileReferenceId}")]
    Task<HttpResponseMessage> DeleteAsync(string targetSegment, string targetId, string fileReferenceId, CancellationToken cancellationToken);

    [Put("/api/v4/integration/{targetSegment}/{targetId}/documents/description")]
    Task<HttpResponseMessage> SetDescriptionAsync(
        string targetSegment, string targetId, [Query] string? section, [Body] HttpContent description, CancellationToken cancellationToken);
}
