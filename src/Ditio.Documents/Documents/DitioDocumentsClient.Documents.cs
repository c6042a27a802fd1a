using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Json;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentPage>> GetPagesAsync(DocumentTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (list, _) = await SendJsonAsync<DocumentPageList>(
            DitioCall.Control("GetPages", _maxResponseBytes),
            (call, ct) => _api.GetPagesAsync(target.RouteSegment, target.Id, call, ct),
            cancellationToken).ConfigureAwait(false);
        return list!.Pages;
    }

    /// <inheritdoc />
    public Task DeleteAsync(DocumentTarget target, string fileReferenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.Id(fileReferenceId);
        return SendAsync(
            DitioCall.Control("Delete", _maxResponseBytes),
            (call, ct) => _api.DeleteAsync(target.RouteSegment, target.Id, fileReferenceId, call, ct),
            cancellationToken,
            idempotentDelete: true);
    }
}
