using System.Net;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Telemetry;

/// <summary>Every DitioException carries the operation and the request id: the server's, else the trace id.</summary>
public sealed class RequestIdTests : IDisposable
{
    private static readonly string Documents = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private readonly DitioWireMock _mock = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);
    private readonly TestClient _sdk;

    public RequestIdTests() => _sdk = new TestClient(_mock);

    [Theory]
    [InlineData("x-request-id", "req-7f3a9c")]
    [InlineData("request-id", "0HN8C1E2F3G4H:00000001")]
    [InlineData("x-correlation-id", "corr-42")]
    public async Task GetPagesAsync_ErrorAnswerWithARequestIdHeader_ExceptionCarriesItAndTheOperation(string header, string id)
    {
        _mock.GivenSequence("GET", Documents, () => DitioWireMock.Message(400, "bad", "text/plain", (header, id)));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetPagesAsync(_project));

        Assert.Equal(id, error.RequestId);
        Assert.Equal("GetPages", error.Operation);
    }

    [Fact]
    public async Task DeleteAsync_TraceresponseHeader_ExceptionCarriesItsTraceId()
    {
        _mock.GivenSequence("DELETE", $"{Documents}/f1", () => DitioWireMock.Message(409, null, "text/plain", ("traceresponse", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.DeleteAsync(_project, "f1"));

        Assert.Equal("0af7651916cd43dd8448eb211c80319c", error.RequestId);
        Assert.Equal("Delete", error.Operation);
    }

    [Fact]
    public async Task UploadAsync_NoRequestIdFromTheServer_ExceptionCarriesTheTraceId()
    {
        _mock.GivenStatus("POST", Documents, 400, "no");
        using var capture = TelemetryCapture.Start();

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.UploadAsync(_project, [DocumentUploadFile.FromStream(new MemoryStream([1, 2, 3]), "a.pdf")]));

        Assert.Equal(capture.Root.TraceId.ToHexString(), error.RequestId);
        Assert.Equal("Upload", error.Operation);
    }

    [Fact]
    public async Task GetPagesAsync_RequestIdHeaderHoldingTheAccessToken_IsNotTakenAsTheRequestId()
    {
        _mock.GivenSequence("GET", Documents, () => DitioWireMock.Message(400, "bad", "text/plain", ("x-request-id", DitioWireMock.Token), ("x-correlation-id", "corr-1")));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetPagesAsync(_project));

        Assert.Equal("corr-1", error.RequestId);
    }

    [Fact]
    public async Task GetProjectsAsync_IdentityServerRefuses_AuthenticationExceptionCarriesItsRequestIdAndTheOperation()
    {
        _mock.Server.Reset();
        _mock.GivenSequence("POST", "/identity/connect/token", () => DitioWireMock.Json(400, """{"error":"invalid_client"}""", ("x-request-id", "idp-123")));

        var error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal("idp-123", error.RequestId);
        Assert.Equal("GetProjects", error.Operation);
    }

    [Fact]
    public async Task DownloadAsync_ConnectionDroppedMidBody_ExceptionFromTheReadCarriesTheRequestIdAndTheOperation()
    {
        await using var api = new RawHttpServer(async (_, stream, ct) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, 100_000, ("Content-Type", "application/pdf"), ("x-request-id", "dl-77"));
            await stream.WriteAsync(new byte[10_000], ct);
        });
        using var sdk = new TestClient(_mock, o => o.ApiBaseUrl = new Uri(api.BaseUri, "/core"));

        await using var download = await sdk.Client.DownloadAsync(_project, "f1");
        var error = await Assert.ThrowsAsync<DitioApiException>(() => download.Content.CopyToAsync(Stream.Null));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Equal("dl-77", error.RequestId);
        Assert.Equal("Download", error.Operation);
    }

    [Fact]
    public void ModelFactory_RequestIdAndOperation_AreSetOnBothExceptions()
    {
        var api = DitioDocumentsModelFactory.DitioApiException(HttpStatusCode.BadGateway, requestId: "r-1", operation: "Upload");
        var auth = DitioDocumentsModelFactory.DitioAuthenticationException(requestId: "r-2", operation: "Download");

        Assert.Equal(("r-1", "Upload"), (api.RequestId, api.Operation));
        Assert.Equal(("r-2", "Download"), (auth.RequestId, auth.Operation));
        Assert.Equal("GetProjects", DitioDocumentsModelFactory.DitioApiException().Operation);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
    }
}
