using System.Net;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Authentication;

public sealed class TokenErrorTests : IDisposable
{
    private const string TokenPath = "/identity/connect/token";
    private const string ProjectsPath = "/core/api/v4/integration/projects";

    private readonly DitioWireMock _mock = new();
    private readonly TestClient _sdk;

    public TokenErrorTests()
    {
        _mock.GivenJson("GET", ProjectsPath, 200, "[]");
        _sdk = new TestClient(_mock);
    }

    [Fact]
    public async Task GetProjectsAsync_InvalidClient_ThrowsAuthenticationExceptionNamingErrorAndClientButNotSecret()
    {
        _mock.GivenJson("POST", TokenPath, 400, """{"error":"invalid_client","error_description":"Client authentication failed"}""");

        var ex = await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal(typeof(DitioAuthenticationException), ex.GetType());
        Assert.Equal("invalid_client", ex.OAuthError);
        Assert.Equal("Client authentication failed", ex.OAuthErrorDescription);
        Assert.Equal(DitioWireMock.ClientId, ex.ClientId);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("invalid_client", ex.Message, StringComparison.Ordinal);
        Assert.Contains(DitioWireMock.ClientId, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.ToString(), StringComparison.Ordinal);
        Assert.Single(_mock.TokenRequests);
        Assert.Empty(_mock.ApiRequests);
    }

    [Fact]
    public async Task GetProjectsAsync_InvalidScope_ThrowsWithOAuthErrorInvalidScope()
    {
        _mock.GivenJson("POST", TokenPath, 400, """{"error":"invalid_scope"}""");

        var ex = await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal("invalid_scope", ex.OAuthError);
        Assert.Null(ex.OAuthErrorDescription);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(DitioWireMock.ClientId, ex.ClientId);
        Assert.Contains("invalid_scope", ex.Message, StringComparison.Ordinal);
        Assert.Single(_mock.TokenRequests);
        Assert.Empty(_mock.ApiRequests);
    }

    [Fact]
    public async Task GetProjectsAsync_IdentityEchoesSecretInErrorDescription_SecretIsScrubbed()
    {
        _mock.GivenJson("POST", TokenPath, 400, $$"""{"error":"invalid_client","error_description":"Wrong secret '{{DitioWireMock.ClientSecret}}'"}""");

        var ex = await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal("invalid_client", ex.OAuthError);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.OAuthErrorDescription ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>Sign in</body></html>", "text/html")]
    [InlineData("""{"token_type":"Bearer","expires_in":1800}""", "application/json")]
    [InlineData("""{"access_token":"","expires_in":1800}""", "application/json")]
    public async Task GetProjectsAsync_200WithoutAccessToken_ThrowsAuthenticationExceptionWithStatus200(string body, string contentType)
    {
        _mock.GivenStatus("POST", TokenPath, 200, body, contentType);

        var ex = await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Null(ex.OAuthError);
        Assert.Equal(DitioWireMock.ClientId, ex.ClientId);
        Assert.Contains("without an access_token", ex.Message, StringComparison.Ordinal);
        Assert.Contains(DitioWireMock.ClientId, ex.Message, StringComparison.Ordinal);
        Assert.Single(_mock.TokenRequests);
        Assert.Empty(_mock.ApiRequests);
    }

    [Fact]
    public async Task GetProjectsAsync_IdentityAnswers503WithRetriesOff_ThrowsWithStatus503()
    {
        using var sdk = new TestClient(_mock, o => o.Retry.MaxRetryAttempts = 0);
        _mock.GivenStatus("POST", TokenPath, 503, "Service Unavailable");

        var ex = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Null(ex.OAuthError);
        Assert.Contains("503", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Service Unavailable", ex.Message, StringComparison.Ordinal);
        Assert.Single(_mock.TokenRequests);
        Assert.Empty(_mock.ApiRequests);
    }

    [Theory]
    [InlineData(503, "Service Unavailable")]
    [InlineData(429, "slow down")]
    public async Task GetProjectsAsync_IdentityAnswersTransientStatus_RetriesThenThrowsWithThatStatus(int status, string body)
    {
        _mock.GivenStatus("POST", TokenPath, status, body);

        var ex = await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(1 + DitioRetryOptions.DefaultMaxRetryAttempts, _mock.TokenRequests.Count);
        Assert.Empty(_mock.ApiRequests);
    }

    [Fact]
    public async Task GetProjectsAsync_NothingListensOnIdentityPort_ThrowsAuthenticationExceptionWithoutStatus()
    {
        var port = Network.ClosedPort();
        using var sdk = new TestClient(_mock, o => o.IdentityBaseUrl = new Uri($"http://127.0.0.1:{port}/identity"));

        var ex = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync());

        Assert.Null(ex.StatusCode);
        Assert.Null(ex.OAuthError);
        Assert.Equal(DitioWireMock.ClientId, ex.ClientId);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Contains("could not be reached", ex.Message, StringComparison.Ordinal);
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            Assert.False(e.GetType().Namespace?.StartsWith("Refit", StringComparison.Ordinal) == true, $"{e.GetType()} escaped");
        }

        Assert.Empty(_mock.Server.LogEntries);
    }

    [Fact]
    public async Task GetProjectsAsync_BadCredentialsTwice_OneTokenRequestPerCallAndNoApiRequest()
    {
        _mock.GivenJson("POST", TokenPath, 400, """{"error":"invalid_client"}""");

        await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.GetProjectsAsync());
        Assert.Single(_mock.TokenRequests);
        await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal(2, _mock.TokenRequests.Count);
        Assert.Empty(_mock.ApiRequests);
    }

    [Fact]
    public async Task GetProjectsAsync_AfterFailedToken_NextCallAsksAgainAndSucceeds()
    {
        _mock.GivenJson("POST", TokenPath, 400, """{"error":"invalid_client"}""");
        await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.GetProjectsAsync());

        // WireMock answers with the most recently added of several matching mappings.
        _mock.GivenToken("eyJ-recovered-token");
        var projects = await _sdk.Client.GetProjectsAsync();

        Assert.Empty(projects);
        Assert.Equal(2, _mock.TokenRequests.Count);
        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal("Bearer eyJ-recovered-token", request.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task UploadAsync_InvalidClient_ThrowsAuthenticationExceptionAndSendsNoUpload()
    {
        _mock.GivenJson("POST", TokenPath, 400, """{"error":"invalid_client"}""");
        using var content = new MemoryStream("%PDF"u8.ToArray());

        var ex = await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.UploadAsync(
            DocumentTarget.Project(DitioWireMock.ProjectId), [DocumentUploadFile.FromStream(content, "A.pdf")],
            new DocumentUploadOptions { ReplaceExistingFilesWithSameName = true }));

        Assert.Equal("invalid_client", ex.OAuthError);
        Assert.Single(_mock.TokenRequests);
        Assert.Empty(_mock.ApiRequests);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
    }
}
