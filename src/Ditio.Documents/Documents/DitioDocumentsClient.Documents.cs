using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentPage>> GetPagesAsync(DocumentTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (list, _, _) = await SendAsync(
            HttpMethod.Get,
            $"/api/v4/integration/{target.RouteSegment}/{target.Id}/documents",
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
            $"/api/v4/integration/{target.RouteSegment}/{target.Id}/documents/{fileReferenceId}",
            ct => _api.DeleteAsync(target.RouteSegment, target.Id, fileReferenceId, ct),
            cancellationToken,
            idempotentDelete: true);
    }
}
