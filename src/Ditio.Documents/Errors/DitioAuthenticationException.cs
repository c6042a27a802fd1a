using System.Net;

namespace Ditio.Documents;

/// <summary>
/// The client could not get an access token from Ditio's identity server: wrong client id or secret, a scope the
/// client may not have, an identity server that failed or could not be reached, or an answer that was not a token.
/// </summary>
/// <remarks>The message names the OAuth error and the client id, never the client secret.</remarks>
public sealed class DitioAuthenticationException : DitioException
{
    internal DitioAuthenticationException(
        string message,
        string clientId,
        HttpStatusCode? statusCode,
        string? oauthError,
        string? oauthErrorDescription,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ClientId = clientId;
        StatusCode = statusCode;
        OAuthError = oauthError;
        OAuthErrorDescription = oauthErrorDescription;
    }

    /// <summary>Gets the client id the token was asked for.</summary>
    public string ClientId { get; }

    /// <summary>Gets the status code of the identity server's answer, or <see langword="null"/> when none arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the OAuth error code, such as <c>invalid_client</c> or <c>invalid_scope</c>, when the server sent one.</summary>
    public string? OAuthError { get; }

    /// <summary>Gets the OAuth error description, when the server sent one.</summary>
    public string? OAuthErrorDescription { get; }
}
