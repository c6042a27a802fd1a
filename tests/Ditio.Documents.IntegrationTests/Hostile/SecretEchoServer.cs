using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.IntegrationTests.Hostile;

/// <summary>
/// A hostile Ditio API on loopback: every request is answered with an error whose body echoes the client secret in
/// the forms a server could (raw, URL-encoded in lower-case hex, form-encoded, Base64 of id:secret).
/// </summary>
public sealed class SecretEchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SecretEchoServer(WebApplication app, IReadOnlyList<string> forms)
    {
        _app = app;
        Forms = forms;
    }

    public IReadOnlyList<string> Forms { get; }

    public Uri ApiBaseUrl => new(_app.Urls.First() + "/core/");

    public static async Task<SecretEchoServer> StartAsync(string clientId, string secret, int status)
    {
        var escaped = Uri.EscapeDataString(secret);
        var lower = System.Text.RegularExpressions.Regex.Replace(escaped, "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant());
        string[] forms = [secret, lower, lower.Replace("%20", "+", StringComparison.Ordinal), Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}"))];
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var echo = string.Join(" | ", forms.Select(f => $"client_secret={f}"));
            return context.Response.WriteAsync($$"""{"message":"debug echo: {{echo.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""");
        });
        await app.StartAsync();
        return new SecretEchoServer(app, forms);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
