using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Json;
using Ditio.Documents.Internal.Telemetry;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentPage>> GetPagesAsync(DocumentTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var operation = DitioOperation.Start("GetPages", target);
        try
        {
            var (list, _) = await SendJsonAsync<DocumentPageList>(
                DitioCall.Control("GetPages", _maxResponseBytes),
                (call, ct) => _api.GetPagesAsync(target.RouteSegment, target.Id, call, ct),
                cancellationToken).ConfigureAwait(false);
            operation.Succeeded(count: operation.IsRecording ? list!.Pages.Sum(static p => p.Files.Count) : null);
            return list!.Pages;
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(DocumentTarget target, string fileReferenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.Id(fileReferenceId);
        var operation = DitioOperation.Start("Delete", target, count: 1);
        try
        {
            await SendAsync(
                DitioCall.Control("Delete", _maxResponseBytes),
                (call, ct) => _api.DeleteAsync(target.RouteSegment, target.Id, fileReferenceId, call, ct),
                cancellationToken,
                idempotentDelete: true).ConfigureAwait(false);
            operation.Succeeded();
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            throw;
        }
    }
}
