using Ditio.Documents.Internal.Calls;

namespace Ditio.Documents.Internal.Api;

/// <summary>Ditio's identity server: the OAuth 2.0 client-credentials token route, the only place it is written.</summary>
internal sealed class DitioIdentityApi(HttpClient http)
{
    private readonly DitioRequestSender _sender = new(http);

    /// <summary>Posts the form (<c>application/x-www-form-urlencoded</c>) to <c>/connect/token</c>.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(IEnumerable<KeyValuePair<string, string>> form, DitioCall call, CancellationToken cancellationToken) =>
        _sender.SendAsync(HttpMethod.Post, "/connect/token", new FormUrlEncodedContent(form), call, cancellationToken);
}
