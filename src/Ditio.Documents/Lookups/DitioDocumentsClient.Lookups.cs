using Ditio.Documents.Internal.Http;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DitioProject>> GetProjectsAsync(CancellationToken cancellationToken = default)
    {
        var (projects, _) = await SendJsonAsync<List<DitioProject>>(
            HttpMethod.Get, new CallRoute("/api/v4/integration/projects"), _api.GetProjectsAsync, cancellationToken).ConfigureAwait(false);
        return projects!;
    }

    /// <inheritdoc />
    public async Task<DitioProject?> FindProjectByNumberAsync(string projectNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectNumber);
        var (project, _) = await SendJsonAsync<DitioProject>(
            HttpMethod.Get,
            new CallRoute("/api/v4/integration/projects/by-project-number/{0}", Uri.EscapeDataString(projectNumber)),
            ct => _api.GetProjectByNumberAsync(projectNumber, ct),
            cancellationToken,
            notFoundAsNull: true).ConfigureAwait(false);
        return project;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DitioWorkOrder>> GetWorkOrdersAsync(string projectId, CancellationToken cancellationToken = default)
    {
        Guard.Id(projectId);
        var (workOrders, _) = await SendJsonAsync<List<DitioWorkOrder>>(
            HttpMethod.Get,
            new CallRoute("/api/v4/integration/tasks/project/{0}", projectId),
            ct => _api.GetWorkOrdersAsync(projectId, ct),
            cancellationToken).ConfigureAwait(false);
        return workOrders!;
    }
}
