using Ditio.Documents.Internal.Calls;
using Refit;

namespace Ditio.Documents.Internal.Api;

/// <summary>Ditio's identity server: the OAuth 2.0 client-credentials token route.</summary>
internal interface IDitioIdentityApi
{
    [Post("/connect/token")]
    Task<HttpResponseMessage> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        [Property(DitioCall.Key)] DitioCall call,
        CancellationToken cancellationToken);
}
