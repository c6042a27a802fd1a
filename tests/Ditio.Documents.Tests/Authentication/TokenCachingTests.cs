using Ditio.Documents.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ditio.Documents.Tests.Authentication;

public sealed class TokenCachingTests : IDisposable
{
    private const string ProjectsPath = "/core/api/v4/integration/projects";
    private readonly DitioWireMock _mock = new();

    public TokenCachingTests() => _mock.GivenJson("GET", ProjectsPath, 200, "[]");

    [Fact]
    public async Task GetProjectsAsync_HundredParallelFirstCalls_MakeExactlyOneTokenRequest()
    {
        _mock.GivenCountingTokens();
        using var sdk = new TestClient(_mock);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => sdk.Client.GetProjectsAsync())));

        Assert.Single(_mock.TokenRequests);
        Assert.Equal(100, _mock.ApiRequests.Count);
        Assert.All(_mock.ApiRequests, r => Assert.Equal("Bearer tok-1", r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task GetProjectsAsync_TokenRequest_PostsClientCredentialsForm()
    {
        using var sdk = new TestClient(_mock);

        await sdk.Client.GetProjectsAsync();

        var request = Assert.Single(_mock.TokenRequests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        var form = System.Web.HttpUtility.ParseQueryString(request.Body!);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(DitioWireMock.ClientId, form["client_id"]);
        Assert.Equal(DitioWireMock.ClientSecret, form["client_secret"]);
        Assert.Equal("ditioapiv3", form["scope"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task GetProjectsAsync_BeforeRenewalMargin_ReusesTokenAndAfterItRenews()
    {
        _mock.GivenCountingTokens(expiresIn: 1800);
        var time = TestTime.Fake();
        using var sdk = new TestClient(_mock, o => o.TokenRenewalMargin = TimeSpan.FromSeconds(60), time);

        await sdk.Client.GetProjectsAsync();
        time.Advance(TimeSpan.FromSeconds(1739));
        await sdk.Client.GetProjectsAsync();
        Assert.Single(_mock.TokenRequests);

        time.Advance(TimeSpan.FromSeconds(1));
        await sdk.Client.GetProjectsAsync();

        Assert.Equal(2, _mock.TokenRequests.Count);
        Assert.Equal(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"], _mock.ApiRequests.Select(r => r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task GetProjectsAsync_TokenShorterThanTwiceTheMargin_RenewsAtHalfItsLifetime()
    {
        _mock.GivenCountingTokens(expiresIn: 100);
        var time = TestTime.Fake();
        using var sdk = new TestClient(_mock, o => o.TokenRenewalMargin = TimeSpan.FromSeconds(60), time);

        await sdk.Client.GetProjectsAsync();
        time.Advance(TimeSpan.FromSeconds(49));
        await sdk.Client.GetProjectsAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await sdk.Client.GetProjectsAsync();

        Assert.Equal(2, _mock.TokenRequests.Count);
    }

    [Fact]
    public async Task GetProjectsAsync_Api401_RenewsTokenOnceAndRetriesOnce()
    {
        _mock.GivenCountingTokens();
        _mock.Server.Given(Request.Create().WithPath(ProjectsPath).UsingGet().WithHeader("Authorization", "Bearer tok-1"))
            .RespondWith(Response.Create().WithStatusCode(401));
        _mock.Server.Given(Request.Create().WithPath(ProjectsPath).UsingGet().WithHeader("Authorization", "Bearer tok-2"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""[{"id":"p1"}]"""));
        using var sdk = new TestClient(_mock);

        var projects = await sdk.Client.GetProjectsAsync();

        Assert.Equal("p1", Assert.Single(projects).Id);
        Assert.Equal(2, _mock.TokenRequests.Count);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], _mock.ApiRequests.Select(r => r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task GetProjectsAsync_Api401EvenWithRenewedToken_FailsAfterOneRetryWithoutLooping()
    {
        _mock.GivenCountingTokens();
        _mock.GivenStatus("GET", ProjectsPath, 401);
        using var sdk = new TestClient(_mock);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetProjectsAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("disabled", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _mock.TokenRequests.Count);
        Assert.Equal(2, _mock.ApiRequests.Count);
    }

    [Fact]
    public async Task UploadAsync_Api401_ResendsTheWholeBodyWithTheRenewedToken()
    {
        _mock.GivenCountingTokens();
        var path = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
        _mock.Server.Given(Request.Create().WithPath(path).UsingPost().WithHeader("Authorization", "Bearer tok-1"))
            .RespondWith(Response.Create().WithStatusCode(401));
        _mock.Server.Given(Request.Create().WithPath(path).UsingPost().WithHeader("Authorization", "Bearer tok-2"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(DitioWireMock.UploadOk()));
        using var sdk = new TestClient(_mock);
        using var content = new MemoryStream("0123456789"u8.ToArray());

        await sdk.Client.UploadAsync(DocumentTarget.Project(DitioWireMock.ProjectId), [DocumentUploadFile.FromStream(content, "a.pdf")]);

        Assert.Equal(2, _mock.ApiRequests.Count);
        Assert.All(_mock.ApiRequests, r => Assert.Equal(
            "0123456789",
            System.Text.Encoding.UTF8.GetString(MultipartBody.Parse(r.BodyAsBytes!, r.Headers!["Content-Type"].Single()).Parts.Single().Content)));
    }

    public void Dispose() => _mock.Dispose();
}
