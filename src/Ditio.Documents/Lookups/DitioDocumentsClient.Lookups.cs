using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DitioProject>> GetProjectsAsync(CancellationToken cancellationToken = default)
    {
        var (projects, _) = await SendJsonAsync<List<DitioProject>>(
            DitioCall.Control("GetProjects", _maxResponseBytes), _api.GetProjectsAsync, cancellationToken).ConfigureAwait(false);
        return projects!;
    }

    /// <inheritdoc />
    public async Task<DitioProject?> FindProjectByNumberAsync(string projectNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectNumber);
        var (project, _) = await SendJsonAsync<DitioProject>(
            DitioCall.Control("FindProjectByNumber", _maxResponseBytes),
            (call, ct) => _api.GetProjectByNumberAsync(projectNumber, call, ct),
            cancellationToken,
            notFoundAsNull: true).ConfigureAwait(false);
        return project;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DitioWorkOrder>> GetWorkOrdersAsync(string projectId, CancellationToken cancellationToken = default)
    {
        Guard.Id(projectId);
        var (workOrders, _) = await SendJsonAsync<List<DitioWorkOrder>>(
            DitioCall.Control("GetWorkOrders", _maxResponseBytes),
            (call, ct) => _api.GetWorkOrdersAsync(projectId, call, ct),
            cancellationToken).ConfigureAwait(false);
        return workOrders!;
    }
}
