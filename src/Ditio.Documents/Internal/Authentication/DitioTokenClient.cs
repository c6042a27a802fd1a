using System.Globalization;
using System.Net;
using System.Text.Json;
using Ditio.Documents.Internal.Api;
using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Errors;
using Ditio.Documents.Internal.Json;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Ditio.Documents.Internal.Authentication;

/// <summary>
/// Asks Ditio's identity server for a client-credentials token and turns every failure into a
/// <see cref="DitioAuthenticationException"/> (through <see cref="DitioErrors"/>). A successful answer is never quoted:
/// it may hold a token. Its lifetime is read leniently and kept within sane bounds.
/// </summary>
internal sealed class DitioTokenClient(DitioIdentityApi identity, DitioDocumentsOptions options, DitioErrors errors, ILogger logger)
{
    /// <summary>Used when the server sends no <c>expires_in</c>: short, so a token of unknown life is renewed early.</summary>
    internal static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The shortest lifetime believed; a shorter one would renew on every call.</summary>
    internal static readonly TimeSpan MinLifetime = TimeSpan.FromSeconds(30);

    /// <summary>The longest lifetime believed: Ditio's tokens live at most 24 hours.</summary>
    internal static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

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

        var call = DitioCall.Token();
        try
        {
            return await RequestAsync(form, call, cancellationToken).ConfigureAwait(false);
        }
        catch (DitioAuthenticationException ex)
        {
            ex.RequestId ??= Telemetry.RequestIds.Of(call.AnswerHeaders, errors.Scrubber);
            throw;
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(Dictionary<string, string> form, DitioCall call, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await identity.RequestTokenAsync(form, call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not DitioException && !cancellationToken.IsCancellationRequested)
        {
            throw ex switch
            {
                TimeoutRejectedException => errors.Authentication(_clientId, "the identity server gave no complete answer within the configured timeout (Ditio:Retry)", null, inner: ex),
                DitioAnswerException answer => errors.Authentication(_clientId, $"the identity server's answer could not be taken: {answer.Message}", answer.StatusCode, inner: ex),
                _ => errors.Authentication(_clientId, $"the identity server could not be reached ({ex.GetType().Name}: {ex.Message})", null, inner: ex),
            };
        }

        try
        {
            return Read(response, call);
        }
        finally
        {
            response.Dispose();
            call.ReleaseAnswer();
        }
    }

    private (string Token, TimeSpan Lifetime) Read(HttpResponseMessage response, DitioCall call)
    {
        var status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.StatusCode}");
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            throw errors.Authentication(_clientId, $"the identity server answered {status}: {errors.RedirectDetail(response)}", response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            // OAuth error bodies come with 400 or 401 (RFC 6749 5.2); an "error" field on a 5xx is something else.
            var body = errors.ScrubbedBody(response, call);
            var oauth = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized ? TryParse(call) : null;
            var reason = oauth?.Error is { } error
                ? $"the identity server answered {status}: {error}{(oauth.ErrorDescription is { } d ? $" ({d})" : "")}"
                : $"the identity server answered {status}: {ErrorBodyParser.OneLine(body) ?? "(empty body)"}";
            throw errors.Authentication(_clientId, reason, response.StatusCode, oauth?.Error, oauth?.ErrorDescription);
        }

        var parsed = TryParse(call);
        if (string.IsNullOrWhiteSpace(parsed?.AccessToken))
        {
            throw errors.Authentication(
                _clientId,
                $"the identity server answered {status} without an access_token ({(parsed is null ? "not JSON" : "JSON without access_token")}; a successful token answer is never quoted)",
                response.StatusCode);
        }

        errors.Scrubber.Remember(parsed.AccessToken);
        return (parsed.AccessToken, Lifetime(parsed.ExpiresIn));
    }

    /// <summary><c>expires_in</c> as a number or a numeric string, within [<see cref="MinLifetime"/>, <see cref="MaxLifetime"/>]; missing gives <see cref="DefaultLifetime"/>.</summary>
    private TimeSpan Lifetime(JsonElement expiresIn)
    {
        double? seconds = expiresIn.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.Number when expiresIn.TryGetDouble(out var number) => number,
            JsonValueKind.String when double.TryParse(expiresIn.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => double.NaN,
        };
        if (seconds is null)
        {
            return DefaultLifetime;
        }

        var lifetime = double.IsNaN(seconds.Value) ? DefaultLifetime
            : seconds.Value < MinLifetime.TotalSeconds ? MinLifetime
            : seconds.Value > MaxLifetime.TotalSeconds ? MaxLifetime
            : TimeSpan.FromSeconds(seconds.Value);
        if (double.IsNaN(seconds.Value) || lifetime.TotalSeconds != seconds.Value)
        {
            var shown = expiresIn.ValueKind == JsonValueKind.String ? expiresIn.GetString() : expiresIn.GetRawText();
            Log.LifetimeClamped(logger, ErrorBodyParser.OneLine(errors.Scrubber.Scrub(shown)) ?? "", lifetime.TotalSeconds);
        }

        return lifetime;
    }

    private static TokenResponse? TryParse(DitioCall call)
    {
        if (call.Answer.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(call.Answer, DitioJson.TypeInfo<TokenResponse>());
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
