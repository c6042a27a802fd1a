using Ditio.Documents.Internal.Calls;
using Refit;

namespace Ditio.Documents.Internal.Api;

/// <summary>
/// Ditio's integration routes, exactly as Ditio documents them, and the only place they are written: errors name the
/// path of the request Refit built (<see cref="DitioCall.Path"/>). Relative to the API base (which keeps its path
/// prefix, such as <c>/core</c>). Document routes take the target's segment (<c>projects</c> or <c>tasks</c>). Each
/// request carries its <see cref="DitioCall"/>: the policy and state every layer below reads.
/// </summary>
internal interface IDitioIntegrationApi
{
    [Get("/api/v4/integration/projects")]
    Task<HttpResponseMessage> GetProjectsAsync([Property(DitioCall.Key)] DitioCall call, CancellationToken cancellationToken);

    [Get("/api/v4/integration/projects/by-project-number/{projectNumber}")]
    Task<HttpResponseMessage> GetProjectByNumberAsync(string projectNumber, [Property(DitioCall.Key)] DitioCall call, CancellationToken cancellationToken);

    [Get("/api/v4/integration/tasks/project/{projectId}")]
    Task<HttpResponseMessage> GetWorkOrdersAsync(string projectId, [Property(DitioCall.Key)] DitioCall call, CancellationToken cancellationToken);

    [Post("/api/v4/integration/{targetSegment}/{targetId}/documents")]
    Task<HttpResponseMessage> UploadAsync(
        string targetSegment,
        string targetId,
        [Query] string? section,
        [Query] string? replaceExistingFilesWithSameName,
        [Body] HttpContent files,
        [Property(DitioCall.Key)] DitioCall call,
        CancellationToken cancellationToken);

    [Get("/api/v4/integration/{targetSegment}/{targetId}/documents")]
    Task<HttpResponseMessage> GetPagesAsync(string targetSegment, string targetId, [Property(DitioCall.Key)] DitioCall call, CancellationToken cancellationToken);

    [Get("/api/v4/integration/{targetSegment}/{targetId}/documents/{fileReferenceId}")]
    Task<HttpResponseMessage> DownloadAsync(
        string targetSegment,
        string targetId,
        string fileReferenceId,
        [Property(DitioCall.Key)] DitioCall call,
        CancellationToken cancellationToken);

    [Delete("/api/v4/integration/{targetSegment}/{targetId}/documents/{fileReferenceId}")]
    Task<HttpResponseMessage> DeleteAsync(
        string targetSegment, string targetId, string fileReferenceId, [Property(DitioCall.Key)] DitioCall call, CancellationToken cancellationToken);

    [Put("/api/v4/integration/{targetSegment}/{targetId}/documents/description")]
    Task<HttpResponseMessage> SetDescriptionAsync(
        string targetSegment, string targetId, [Query] string? section, [Body] HttpContent description, [Property(DitioCall.Key)] DitioCall call, CancellationToken cancellationToken);
}
