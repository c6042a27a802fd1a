using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 2: no automatic redirects on either client. A 3xx is an error naming the host it pointed to, and nothing (not
/// the client secret, not a token, not a file) is sent there.
/// </summary>
public sealed class RedirectTests : IAsyncDisposable
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    private readonly DitioWireMock _ditio = new();
    private readonly RawHttpServer _elsewhere = new((_, stream, _) => RawHttpServer.WriteJsonAsync(stream, 200, """{"access_token":"stolen","expires_in":1800}"""));
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task TokenEndpointRedirects_SecretNeverLeaves_AuthenticationErrorNamesTheHost(int status)
    {
        _ditio.Server.Reset();
        _ditio.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/identity/connect/token").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(status).WithHeader("Location", Elsewhere("/connect/token")));
        using var sdk = new TestClient(_ditio);

        var error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync().WaitAsync(Cap));

        Assert.Empty(_elsewhere.Requests);
        Assert.Contains("localhost", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not follow", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("DOWNLOAD")]
    public async Task ApiRedirects_NothingIsSentThere_InvalidResponseNamesTheHost(string call)
    {
        var path = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents" + (call is "DELETE" or "DOWNLOAD" ? "/doc-1" : "");
        _ditio.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(307).WithHeader("Location", Elsewhere(path)));
        using var sdk = new TestClient(_ditio);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(sdk.Client, call).WaitAsync(Cap));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Contains("redirect to localhost", error.Message, StringComparison.Ordinal);
        Assert.Empty(_elsewhere.Requests);
        Assert.Single(_ditio.ApiRequests);
    }

    public async ValueTask DisposeAsync()
    {
        await _elsewhere.DisposeAsync();
        _ditio.Dispose();
    }

    /// <summary>Another host name for the loopback server, so a followed redirect would arrive (and be seen) here.</summary>
    private string Elsewhere(string path) => $"http://localhost:{_elsewhere.BaseUri.Port}{path}";

    private Task Invoke(IDitioDocumentsClient client, string call) => call switch
    {
        "GET" => client.GetPagesAsync(_project),
        "POST" => client.UploadAsync(_project, [DocumentUploadFile.FromStream(new MemoryStream([1, 2, 3]), "a.pdf")], new() { ReplaceExistingFilesWithSameName = true }),
        "DELETE" => client.DeleteAsync(_project, "doc-1"),
        _ => client.DownloadAsync(_project, "doc-1"),
    };
}
