using System.Text.Json;
using System.Text.Json.Serialization;
using Ditio.Documents.Serialization;
using Ditio.Documents.Internal.Json;

namespace Ditio.Documents.Internal.Authentication;

/// <summary>The identity server's JSON answer, success or OAuth error. Side fields of an unexpected type are read leniently (or as null), never a reason to refuse a token.</summary>
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>Gets the lifetime as sent: a number, a numeric string, or anything else (read leniently by the token client).</summary>
    [JsonPropertyName("expires_in")]
    public JsonElement ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? TokenType { get; init; }

    [JsonPropertyName("error")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ErrorDescription { get; init; }

    public override string ToString() => $"token response (type {TokenType}, expires in {ExpiresIn}s, error {Error})";
}
