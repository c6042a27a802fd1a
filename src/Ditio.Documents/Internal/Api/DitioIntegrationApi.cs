using Ditio.Documents.Internal.Calls;
using static Ditio.Documents.Internal.Api.DitioRequestSender;

namespace Ditio.Documents.Internal.Api;

/// <summary>
/// Ditio's integration routes, exactly as Ditio documents them, and the only place they are written: errors name the
/// path of the request as sent (<see cref="DitioCall.Path"/>). Relative to the API base (which keeps its path prefix,
/// such as <c>/core</c>). Document routes take the target's segment (<c>projects</c> or <c>tasks</c>). Every value in
/// a path is one escaped segment (<see cref="DitioRequestSender.Segment"/>). Each request carries its
/// <see cref="DitioCall"/>: the policy and state every layer below reads.
/// </summary>
internal sealed class DitioIntegrationApi(HttpClient http)
{
    private const string Integration = "/api/v4/integration";

    private readonly DitioRequestSender _sender = new(http);

    public Task<HttpResponseMessage> GetProjectsAsync(DitioCall call, CancellationToken cancellationToken) =>
        _sender.SendAsync(HttpMethod.Get, $"{Integration}/projects", null, call, cancellationToken);

    public Task<HttpResponseMessage> GetProjectByNumberAsync(string projectNumber, DitioCall call, CancellationToken cancellationToken) =>
        _sender.SendAsync(HttpMethod.Get, $"{Integration}/projects/by-project-number/{Segment(projectNumber)}", null, call, cancellationToken);

    public Task<HttpResponseMessage> GetWorkOrdersAsync(string projectId, DitioCall call, CancellationToken cancellationToken) =>
        _sender.SendAsync(HttpMethod.Get, $"{Integration}/tasks/project/{Segment(projectId)}", null, call, cancellationToken);

    public Task<HttpResponseMessage> UploadAsync(
        string targetSegment, string targetId, string? section, string? replaceExistingFilesWithSameName, HttpContent files, DitioCall call, CancellationToken cancellationToken) =>
        _sender.SendAsync(
            HttpMethod.Post,
            WithQuery(Documents(targetSegment, targetId), ("section", section), ("replaceExistingFilesWithSameName", replaceExistingFilesWithSameName)),
            files,
            call,
            cancellationToken);

    public Task<HttpResponseMessage> GetPagesAsync(string targetSegment, string targetId, DitioCall call, CancellationToken cancellationToken) =>
        _sender.SendAsync(HttpMethod.Get, Documents(targetSegment, targetId), null, call, cancellationToken);

    public Task<HttpResponseMessage> DownloadAsync(string targetSegment, string targetId, string fileReferenceId, DitioCall call, CancellationToken cancellationToken) =>
        _sender.SendAsync(HttpMethod.Get, $"{Documents(targetSegment, targetId)}/{Segment(fileReferenceId)}", null, call, cancellationToken);

    public Task<HttpResponseMessage> DeleteAsync(string targetSegment, string targetId, string fileReferenceId, DitioCall call, CancellationToken cancellationToken) =>
        _sender.SendAsync(HttpMethod.Delete, $"{Documents(targetSegment, targetId)}/{Segment(fileReferenceId)}", null, call, cancellationToken);

    public Task<HttpResponseMessage> SetDescriptionAsync(
        string targetSegment, string targetId, string? section, HttpContent description, DitioCall call, CancellationToken cancellationToken) =>
        _sender.SendAsync(HttpMethod.Put, WithQuery($"{Documents(targetSegment, targetId)}/description", ("section", section)), description, call, cancellationToken);

    /// <summary>A target's documents: <c>/api/v4/integration/{projects|tasks}/{id}/documents</c>.</summary>
    private static string Documents(string targetSegment, string targetId) => $"{Integration}/{Segment(targetSegment)}/{Segment(targetId)}/documents";
}
