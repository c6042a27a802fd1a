using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Telemetry;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DitioProject>> GetProjectsAsync(CancellationToken cancellationToken = default)
    {
        var operation = DitioOperation.Start("GetProjects");
        try
        {
            var (projects, _) = await SendJsonAsync<List<DitioProject>>(
                DitioCall.Control("GetProjects", _maxResponseBytes), _api.GetProjectsAsync, cancellationToken).ConfigureAwait(false);
            operation.Succeeded(count: projects!.Count);
            return projects;
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<DitioProject?> FindProjectByNumberAsync(string projectNumber, CancellationToken cancellationToken = default)
    {
        Guard.ProjectNumber(projectNumber);
        var operation = DitioOperation.Start("FindProjectByNumber");
        try
        {
            var (project, _) = await SendJsonAsync<DitioProject>(
                DitioCall.Control("FindProjectByNumber", _maxResponseBytes),
                (call, ct) => _api.GetProjectByNumberAsync(projectNumber, call, ct),
                cancellationToken,
                notFoundAsNull: true).ConfigureAwait(false);
            operation.Succeeded(count: project is null ? 0 : 1);
            return project;
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DitioWorkOrder>> GetWorkOrdersAsync(string projectId, CancellationToken cancellationToken = default)
    {
        Guard.Id(projectId);
        var operation = DitioOperation.StartOnProject("GetWorkOrders", projectId);
        try
        {
            var (workOrders, _) = await SendJsonAsync<List<DitioWorkOrder>>(
                DitioCall.Control("GetWorkOrders", _maxResponseBytes),
                (call, ct) => _api.GetWorkOrdersAsync(projectId, call, ct),
                cancellationToken).ConfigureAwait(false);
            operation.Succeeded(count: workOrders!.Count);
            return workOrders;
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            throw;
        }
    }
}
