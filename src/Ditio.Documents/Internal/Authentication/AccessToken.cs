namespace Ditio.Documents.Internal.Authentication;

/// <summary>A bearer token and when to renew it. <see cref="ToString"/> never shows the token.</summary>
internal sealed class AccessToken(string value, DateTimeOffset renewAt, DateTimeOffset expiresAt)
{
    public string Value { get; } = value;

    /// <summary>The Authorization header value, made once per token rather than once per request.</summary>
    public System.Net.Http.Headers.AuthenticationHeaderValue Header { get; } = new("Bearer", value);

    public DateTimeOffset RenewAt { get; } = renewAt;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public override string ToString() => $"access token (renew at {RenewAt:O}, expires {ExpiresAt:O})";
}
