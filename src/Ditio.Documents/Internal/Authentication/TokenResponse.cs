using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ditio.Documents.Internal.Authentication;

/// <summary>The identity server's JSON answer, success or OAuth error.</summary>
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>Gets the lifetime as sent: a number, a numeric string, or anything else (read leniently by the token client).</summary>
    [JsonPropertyName("expires_in")]
    public JsonElement ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }

    public override string ToString() => $"token response (type {TokenType}, expires in {ExpiresIn}s, error {Error})";
}
