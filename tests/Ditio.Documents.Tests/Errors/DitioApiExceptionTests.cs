using System.Net;
using System.Text;
using Ditio.Documents.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ditio.Documents.Tests.Errors;

public sealed class DitioApiExceptionTests : IDisposable
{
    private const string ProjectsPath = "/core/api/v4/integration/projects";
    private const string UploadPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private const string Get = "GET";
    private const string Post = "POST";

    private readonly DitioWireMock _mock = new();
    private readonly TestClient _sdk;
    private readonly TestClient _noRetry;

    public DitioApiExceptionTests()
    {
        _sdk = new TestClient(_mock);
        _noRetry = new TestClient(_mock, o => o.Retry.MaxRetryAttempts = 0);
    }

    [Theory]
    [InlineData(Get, ProjectsPath)]
    [InlineData(Post, UploadPath)]
    public async Task Call_ErrorCodeAndMessageBody_MapsCodeMessageStatusAndRequest(string method, string path)
    {
        const string Body = """{"error": "ArgumentIsNull", "message": "Project id is null"}""";
        _mock.GivenJson(method, path, 400, Body);

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_sdk.Client, method));

        Assert.Equal(DitioFailureKind.ErrorResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("ArgumentIsNull", ex.ErrorCode);
        Assert.Equal("Project id is null", ex.ErrorMessage);
        Assert.Equal(method, ex.RequestMethod);
        Assert.Equal(path, ex.RequestPath);
        Assert.Equal(Body, ex.ResponseExcerpt);
        Assert.Null(ex.RetryAfter);
        Assert.True(ex.ResponseReceived);
        Assert.False(ex.IsNotFound);
        Assert.Equal($"Ditio {method} {path} failed with 400 BadRequest: ArgumentIsNull - Project id is null.", ex.Message);
        Assert.Single(_mock.ApiRequests); // 400 is never retried
    }

    [Theory]
    [InlineData(Get, ProjectsPath)]
    [InlineData(Post, UploadPath)]
    public async Task Call_ValidationErrorsBody_UsesFirstCodeAndJoinsFieldMessages(string method, string path)
    {
        _mock.GivenJson(method, path, 400, """
            {"message": "Validation failed", "errors": [{"category":"Input","code":"Required","field":"section","message":"Section too long"}]}
            """);

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_sdk.Client, method));

        Assert.Equal(DitioFailureKind.ErrorResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("Required", ex.ErrorCode);
        Assert.NotNull(ex.ErrorMessage);
        Assert.Contains("Validation failed", ex.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("section: Section too long", ex.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("section: Section too long", ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.RequestPath);
    }

    [Theory]
    [InlineData(Get, ProjectsPath)]
    [InlineData(Post, UploadPath)]
    public async Task Call_NestedErrorObjectWith500_MapsMessage(string method, string path)
    {
        _mock.GivenJson(method, path, 500, """{"error": {"message": "Object reference not set"}}""");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_noRetry.Client, method));

        Assert.Equal(DitioFailureKind.ErrorResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("Object reference not set", ex.ErrorMessage);
        Assert.Equal(method, ex.RequestMethod);
        Assert.Equal(path, ex.RequestPath);
        Assert.Equal($"Ditio {method} {path} failed with 500 InternalServerError: Object reference not set.", ex.Message);
        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task GetProjectsAsync_500WithDefaultRetries_TriesOnePlusMaxRetryAttemptsThenThrows()
    {
        _mock.GivenJson(Get, ProjectsPath, 500, """{"error": {"message": "Object reference not set"}}""");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal("Object reference not set", ex.ErrorMessage);
        Assert.Equal(1 + DitioRetryOptions.DefaultMaxRetryAttempts, _mock.ApiRequests.Count);
        Assert.Single(_mock.TokenRequests);
    }

    [Fact]
    public async Task UploadAsync_500WithoutReplace_IsSentOnceSoNoSecondCopyCanBeStored()
    {
        _mock.GivenJson(Post, UploadPath, 500, """{"error": {"message": "Object reference not set"}}""");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_sdk.Client, Post));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Single(_mock.ApiRequests);
    }

    [Theory]
    [InlineData(Get, ProjectsPath)]
    [InlineData(Post, UploadPath)]
    public async Task Call_403SuccessfulFalseBody_MapsNorwegianMessage_KindForbiddenNotNotFound(string method, string path)
    {
        _mock.GivenJson(method, path, 403, """{"successful": false, "message": "Prosjektet finnes ikke"}""");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_sdk.Client, method));

        Assert.Equal(DitioFailureKind.Forbidden, ex.Kind);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("Prosjektet finnes ikke", ex.ErrorMessage);
        Assert.False(ex.IsNotFound);
        Assert.Equal(path, ex.RequestPath);
        Assert.Equal($"Ditio {method} {path} failed with 403 Forbidden: Prosjektet finnes ikke.", ex.Message);
        Assert.Single(_mock.ApiRequests);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    public async Task UploadAsync_2xxWithSuccessfulFalse_ThrowsUnsuccessfulWithStatusAndMessage(int status)
    {
        _mock.GivenJson(Post, UploadPath, status, """{"successful": false, "message": "Filtypen er ikke tillatt", "files": []}""");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_sdk.Client, Post));

        Assert.Equal(DitioFailureKind.Unsuccessful, ex.Kind);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal("Filtypen er ikke tillatt", ex.ErrorMessage);
        Assert.True(ex.ResponseReceived);
        Assert.False(ex.IsNotFound);
        Assert.Equal(Post, ex.RequestMethod);
        Assert.Contains("Filtypen er ikke tillatt", ex.Message, StringComparison.Ordinal);
        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task UploadAsync_2xxWithSuccessfulFalse_RequestPathIsTheWirePath()
    {
        _mock.GivenJson(Post, UploadPath, 200, """{"successful": false, "message": "Filtypen er ikke tillatt"}""");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_sdk.Client, Post));

        Assert.Equal(UploadPath, ex.RequestPath);
        Assert.Equal(UploadPath, _mock.ApiRequests.Single().Path);
    }

    [Theory]
    [InlineData(Get, ProjectsPath)]
    [InlineData(Post, UploadPath)]
    public async Task Call_PlainText502FromProxy_KeepsRawTextAsExcerptAndInMessage(string method, string path)
    {
        const string Body = "Bad Gateway: upstream core-api did not answer";
        _mock.GivenStatus(method, path, 502, Body, "text/plain");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_noRetry.Client, method));

        Assert.Equal(DitioFailureKind.ErrorResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Null(ex.ErrorMessage);
        Assert.Equal(Body, ex.ResponseExcerpt);
        Assert.Equal($"Ditio {method} {path} failed with 502 BadGateway: {Body}.", ex.Message);
    }

    [Theory]
    [InlineData(Get, ProjectsPath)]
    [InlineData(Post, UploadPath)]
    public async Task Call_LongHtmlPage502_ExcerptIsFirst1000Characters(string method, string path)
    {
        var page = new StringBuilder("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>");
        for (var i = 0; page.Length < 5000; i++)
        {
            page.Append("<p>nginx upstream error line ").Append(i).Append("</p>");
        }

        var body = page.Append("</body></html>").ToString();
        _mock.GivenStatus(method, path, 502, body, "text/html");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_noRetry.Client, method));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Null(ex.ErrorMessage);
        Assert.Equal(body[..1000], ex.ResponseExcerpt);
        Assert.StartsWith($"Ditio {method} {path} failed with 502 BadGateway: <!DOCTYPE html><html><head><title>502 Bad Gateway</title>", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("</body>", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 1200, $"message of {ex.Message.Length} characters");
    }

    [Theory]
    [InlineData(Get, ProjectsPath, "<html><body>Maintenance until 06:00</body></html>", "text/html")]
    [InlineData(Get, ProjectsPath, """{"projects": []}""", "application/json")]
    [InlineData(Post, UploadPath, "OK", "text/plain")]
    public async Task Call_2xxWithUnreadableBody_ThrowsInvalidResponse(string method, string path, string body, string contentType)
    {
        _mock.GivenStatus(method, path, 200, body, contentType);

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_sdk.Client, method));

        Assert.Equal(DitioFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.True(ex.ResponseReceived);
        Assert.Equal(method, ex.RequestMethod);
        Assert.Equal(path, ex.RequestPath);
        Assert.StartsWith($"Ditio {method} {path} answered 200 with a body that could not be read", ex.Message, StringComparison.Ordinal);
        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task GetProjectsAsync_2xxWithNoBody_ThrowsInvalidResponse()
    {
        _mock.GivenStatus(Get, ProjectsPath, 200);

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal(DitioFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    [Theory]
    [InlineData(Get, ProjectsPath)]
    [InlineData(Post, UploadPath)]
    public async Task Call_429WithRetryAfterBeyondMaxRetryAfter_IsNotRetriedAndReportsRetryAfter(string method, string path)
    {
        _mock.Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120")
                .WithHeader("Content-Type", "text/plain").WithBody("Too many requests"));

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(_sdk.Client, method));

        Assert.Single(_mock.ApiRequests);
        Assert.Equal(DitioFailureKind.ErrorResponse, ex.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Equal("Too many requests", ex.ResponseExcerpt);
        Assert.Equal(path, ex.RequestPath);
    }

    [Theory]
    [InlineData(Get, ProjectsPath)]
    [InlineData(Post, UploadPath)]
    public async Task Call_NothingListensOnApiPort_ThrowsNoResponseWithHttpRequestExceptionInside(string method, string path)
    {
        var port = Network.ClosedPort();
        using var sdk = new TestClient(_mock, o => o.ApiBaseUrl = new Uri($"http://127.0.0.1:{port}/core"));

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(sdk.Client, method));

        Assert.Equal(typeof(DitioApiException), ex.GetType());
        Assert.Equal(DitioFailureKind.NoResponse, ex.Kind);
        Assert.Null(ex.StatusCode);
        Assert.False(ex.ResponseReceived);
        Assert.False(ex.IsNotFound);
        Assert.Null(ex.ResponseExcerpt);
        Assert.Equal(method, ex.RequestMethod);
        Assert.Equal(path, ex.RequestPath);
        Assert.StartsWith($"Ditio {method} ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("failed with no response", ex.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            Assert.False(e.GetType().Namespace?.StartsWith("Refit", StringComparison.Ordinal) == true, $"{e.GetType()} escaped");
            Assert.False(e.GetType().Namespace?.StartsWith("Polly", StringComparison.Ordinal) == true, $"{e.GetType()} escaped");
        }

        Assert.Empty(_mock.ApiRequests);
        Assert.Single(_mock.TokenRequests);
    }

    [Theory]
    [InlineData("error-code")]
    [InlineData("validation")]
    [InlineData("plain-text")]
    [InlineData("unsuccessful")]
    [InlineData("invalid-response")]
    [InlineData("no-response")]
    public async Task Call_AnyFailure_MessageAndToStringNeverContainSecretOrToken(string scenario)
    {
        using var sdk = Arrange(scenario);

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(sdk.Client, Post));

        foreach (var text in new[] { ex.Message, ex.ToString() })
        {
            Assert.DoesNotContain(DitioWireMock.ClientSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(DitioWireMock.Token, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("error-code")]
    [InlineData("plain-text")]
    [InlineData("invalid-response")]
    public async Task Call_AnyFailure_NoRefitOrPollyTypeInInnerExceptionChain(string scenario)
    {
        using var sdk = Arrange(scenario);

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => Invoke(sdk.Client, Post));

        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            Assert.False(e.GetType().Namespace?.StartsWith("Refit", StringComparison.Ordinal) == true, $"{e.GetType()} in the chain");
            Assert.False(e.GetType().Namespace?.StartsWith("Polly", StringComparison.Ordinal) == true, $"{e.GetType()} in the chain");
        }
    }

    [Fact]
    public async Task Call_ErrorBodyEchoingAuthorizationHeader_MessageDoesNotContainToken()
    {
        _mock.GivenStatus(Get, ProjectsPath, 400, $"Bad request. Headers: Authorization: Bearer {DitioWireMock.Token}");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetProjectsAsync());

        Assert.DoesNotContain(DitioWireMock.Token, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.Token, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.Token, ex.ResponseExcerpt ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindProjectByNumberAsync_404_ReturnsNullWithoutException()
    {
        _mock.GivenJson(Get, "/core/api/v4/integration/projects/by-project-number/P-2026-404", 404, """{"error": "NotFound", "message": "Project not found"}""");

        var project = await _sdk.Client.FindProjectByNumberAsync("P-2026-404");

        Assert.Null(project);
        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal("/core/api/v4/integration/projects/by-project-number/P-2026-404", request.Path);
    }

    [Fact]
    public async Task GetWorkOrdersAsync_404_ThrowsIsNotFound()
    {
        var path = $"/core/api/v4/integration/tasks/project/{DitioWireMock.ProjectId}";
        _mock.GivenJson(Get, path, 404, """{"error": "NotFound", "message": "Project not found"}""");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetWorkOrdersAsync(DitioWireMock.ProjectId));

        Assert.True(ex.IsNotFound);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(DitioFailureKind.ErrorResponse, ex.Kind);
        Assert.Equal("NotFound", ex.ErrorCode);
        Assert.Equal("Project not found", ex.ErrorMessage);
        Assert.Equal(path, ex.RequestPath);
        Assert.Single(_mock.ApiRequests);
    }

    public void Dispose()
    {
        _noRetry.Dispose();
        _sdk.Dispose();
        _mock.Dispose();
    }

    private TestClient Arrange(string scenario)
    {
        var port = Network.ClosedPort();
        var sdk = new TestClient(_mock, o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            if (scenario == "no-response")
            {
                o.ApiBaseUrl = new Uri($"http://127.0.0.1:{port}/core");
            }
        });
        switch (scenario)
        {
            case "error-code": _mock.GivenJson(Post, UploadPath, 400, """{"error": "ArgumentIsNull", "message": "Project id is null"}"""); break;
            case "validation": _mock.GivenJson(Post, UploadPath, 400, """{"message": "Validation failed", "errors": [{"code":"Required","field":"section","message":"x"}]}"""); break;
            case "plain-text": _mock.GivenStatus(Post, UploadPath, 502, "Bad Gateway"); break;
            case "unsuccessful": _mock.GivenJson(Post, UploadPath, 200, """{"successful": false, "message": "Nei"}"""); break;
            case "invalid-response": _mock.GivenStatus(Post, UploadPath, 200, "not json"); break;
        }

        return sdk;
    }

    private static Task Invoke(IDitioDocumentsClient client, string method) => method == Get
        ? client.GetProjectsAsync()
        : client.UploadAsync(
            DocumentTarget.Project(DitioWireMock.ProjectId),
            [DocumentUploadFile.FromStream(new MemoryStream("%PDF-1.7 drawing"u8.ToArray()), "Drawing-A1.pdf")]);
}
