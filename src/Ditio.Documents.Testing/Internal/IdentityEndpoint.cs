using Microsoft.AspNetCore.Http;

namespace Ditio.Documents.Testing.Internal;

/// <summary><c>POST /identity/connect/token</c>: OAuth 2.0 client credentials, with OAuth's standard error bodies.</summary>
internal sealed class IdentityEndpoint(DitioEmulatorOptions options, EmulatorTokens tokens)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await OAuthErrorAsync(context, "invalid_request", "The body must be application/x-www-form-urlencoded.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            await OAuthErrorAsync(context, "unsupported_grant_type", "Only client_credentials is supported.");
        }
        else if (form["client_id"] != options.ClientId || form["client_secret"] != options.ClientSecret)
        {
            await OAuthErrorAsync(context, "invalid_client", "Client authentication failed.");
        }
        else if (!form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("ditioapiv3", StringComparer.Ordinal))
        {
            await OAuthErrorAsync(context, "invalid_scope", "The client may ask only for the scope ditioapiv3.");
        }
        else
        {
            context.Response.Headers.CacheControl = "no-store";
            await EmulatorJson.WriteAsync(context, StatusCodes.Status200OK, new Dictionary<string, object>
            {
                ["access_token"] = tokens.Issue(),
                ["expires_in"] = (int)options.TokenLifetime.TotalSeconds,
                ["token_type"] = "Bearer",
                ["scope"] = "ditioapiv3",
            });
        }
    }

    private static Task OAuthErrorAsync(HttpContext context, string error, string description) =>
        EmulatorJson.WriteAsync(context, StatusCodes.Status400BadRequest, new Dictionary<string, string>
        {
            ["error"] = error,
            ["error_description"] = description,
        });
}
