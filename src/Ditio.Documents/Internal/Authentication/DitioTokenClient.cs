using System.Globalization;
using System.Net;
using System.Text.Json;
using Ditio.Documents.Internal.Api;
using Ditio.Documents.Internal.Json;
using Refit;

namespace Ditio.Documents.Internal.Authentication;

/// <summary>Asks Ditio's identity server for a client-credentials token and turns every failure into a <see cref="DitioAuthenticationException"/>.</summary>
internal sealed class DitioTokenClient(IDitioIdentityApi identity, DitioDocumentsOptions options)
{
    /// <summary>Used when the server sends no <c>expires_in</c>: Ditio's default token lifetime.</summary>
    internal static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(30);

    private readonly string _clientId = options.ClientId ?? "";

    public async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _clientId,
            ["client_secret"] = options.ClientSecret ?? "",
            ["scope"] = options.Scope,
        };

        HttpResponseMessage response;
        try
        {
            response = await identity.RequestTokenAsync(form, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiRequestException or HttpRequestException or Polly.Timeout.TimeoutRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            var cause = ex is ApiRequestException { InnerException: { } inner } ? inner : ex;
            throw Fail($"the identity server could not be reached ({cause.GetType().Name}: {cause.Message})", null, null, null, cause);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var parsed = TryParse(body);
            if (!response.IsSuccessStatusCode)
            {
                // OAuth error bodies come with 400 or 401 (RFC 6749 5.2); an "error" field on a 5xx is something else.
                var oauth = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized ? parsed : null;
                var status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.StatusCode}");
                var reason = oauth?.Error is { } error
                    ? $"the identity server answered {status}: {error}{(oauth.ErrorDescription is { } d ? $" ({d})" : "")}"
                    : $"the identity server answered {status}: {Excerpt(body)}";
                throw Fail(reason, response.StatusCode, oauth?.Error, oauth?.ErrorDescription);
            }

            if (string.IsNullOrWhiteSpace(parsed?.AccessToken))
            {
                throw Fail(
                    $"the identity server answered {(int)response.StatusCode} without an access_token (body: {(parsed is null ? Excerpt(body) : "JSON without access_token")})",
                    response.StatusCode, null, null);
            }

            var lifetime = parsed.ExpiresIn is > 0 ? TimeSpan.FromSeconds(parsed.ExpiresIn.Value) : DefaultLifetime;
            return (parsed.AccessToken, lifetime);
        }
    }

    private static TokenResponse? TryParse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<TokenResponse>(body, DitioJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(string body)
    {
        var text = body.ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "(empty body)" : text.Length <= 200 ? text : text[..200] + "...";
    }

    private DitioAuthenticationException Fail(
        string reason, HttpStatusCode? status, string? error, string? description, Exception? inner = null) =>
        new($"Could not get a Ditio access token for client '{_clientId}': {Scrub(reason)}.", _clientId, status, Scrub(error), Scrub(description), inner);

    /// <summary>Removes the secret from text that came back from the server, in case it echoed the request.</summary>
    private string? Scrub(string? text) =>
        text is null || string.IsNullOrEmpty(options.ClientSecret)
            ? text
            : text.Replace(options.ClientSecret, "***", StringComparison.Ordinal);
}
