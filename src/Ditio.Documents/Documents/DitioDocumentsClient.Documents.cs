using Ditio.Documents.Internal.Http;
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
            HttpMethod.Get,
            new CallRoute("/api/v4/integration/{0}/{1}/documents", target.RouteSegment, target.Id),
            ct => _api.GetPagesAsync(target.RouteSegment, target.Id, ct),
            cancellationToken).ConfigureAwait(false);
        return list!.Pages;
    }

    /// <inheritdoc />
    public Task DeleteAsync(DocumentTarget target, string fileReferenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.Id(fileReferenceId);
        return SendAsync(
            HttpMethod.Delete,
            new CallRoute("/api/v4/integration/{0}/{1}/documents/{2}", target.RouteSegment, target.Id, fileReferenceId),
            ct => _api.DeleteAsync(target.RouteSegment, target.Id, fileReferenceId, ct),
            cancellationToken,
            idempotentDelete: true);
    }
}
