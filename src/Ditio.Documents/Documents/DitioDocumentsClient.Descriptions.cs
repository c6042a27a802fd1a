using System.Text.Json;
using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Json;
using Ditio.Documents.Internal.Telemetry;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public async Task<DocumentDescription> SetDescriptionAsync(
        DocumentTarget target, string? description, string? section = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.DescriptionTarget(target);
        Guard.Section(section, nameof(section));
        Guard.Description(description);
        var operation = DitioOperation.Start("SetDescription", target);
        try
        {
            var (answer, _) = await SendJsonAsync<DocumentDescription>(
                DitioCall.Control("SetDescription", _maxResponseBytes),
                (call, ct) => _api.SetDescriptionAsync(target.RouteSegment, target.Id, section, DescriptionContent(description), call, ct),
                cancellationToken).ConfigureAwait(false);
            operation.Succeeded();
            return answer!;
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            throw;
        }
    }

    /// <summary>The body <c>{"description": "..."}</c> (or <c>null</c>), made once so every retry sends the same bytes.</summary>
    private static ByteArrayContent DescriptionContent(string? description)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new DescriptionBody(description), DitioJson.TypeInfo<DescriptionBody>()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
