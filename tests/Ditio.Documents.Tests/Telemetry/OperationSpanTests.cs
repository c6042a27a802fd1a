using System.Diagnostics;
using System.Text;
using Ditio.Documents.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ditio.Documents.Tests.Telemetry;

/// <summary>One span per public operation, HttpClient's spans as its children, and the attributes and status it carries.</summary>
public sealed class OperationSpanTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Documents = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private readonly DitioWireMock _mock = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);
    private TestClient? _sdk;

    private IDitioDocumentsClient Client => (_sdk ??= new TestClient(_mock)).Client;

    [Fact]
    public async Task UploadAsync_Traced_IsOneSpanWhoseChildrenAreHttpClientsSpans()
    {
        _mock.GivenJson("POST", Documents, 200, DitioWireMock.UploadOk());
        using var capture = TelemetryCapture.Start();

        await Client.UploadAsync(_project, [File("a.pdf", 1000), File("b.pdf", 2345)]);

        output.WriteLine(capture.Tree());
        var upload = capture.Single("Ditio Upload");
        Assert.Equal(capture.Root.SpanId, upload.ParentSpanId);
        Assert.Equal(ActivityKind.Internal, upload.Kind);
        Assert.Equal(ActivityStatusCode.Unset, upload.Status);
        Assert.Equal("Upload", upload.GetTagItem("ditio.operation.name"));
        Assert.Equal("project", upload.GetTagItem("ditio.target.kind"));
        Assert.Equal(DitioWireMock.ProjectId, upload.GetTagItem("ditio.target.id"));
        Assert.Equal(2, upload.GetTagItem("ditio.documents.count"));
        Assert.Equal(3345L, upload.GetTagItem("ditio.documents.bytes"));
        Assert.Equal("success", upload.GetTagItem("ditio.operation.outcome"));
        var http = capture.ChildrenOf(upload);
        Assert.All(http, span => Assert.Equal("System.Net.Http", span.Source.Name));
        Assert.Equal(["POST /identity/connect/token", $"POST {Documents}"], http.Select(s => $"{s.GetTagItem("http.request.method")} {new Uri((string)s.GetTagItem("url.full")!).AbsolutePath}"));
    }

    [Fact]
    public async Task EveryPublicOperation_Traced_HasItsOwnSpanUnderTheCallersSpan()
    {
        _mock.GivenJson("GET", "/core/api/v4/integration/projects", 200, """[{"id":"p1","projectNumber":"P-1","name":"One"}]""");
        _mock.GivenJson("GET", "/core/api/v4/integration/projects/by-project-number/P-1", 200, """{"id":"p1","projectNumber":"P-1","name":"One"}""");
        _mock.GivenJson("GET", $"/core/api/v4/integration/tasks/project/{DitioWireMock.ProjectId}", 200, """[{"id":"w1","projectId":"p1","externalId":"WO-1","name":"W"}]""");
        _mock.GivenJson("GET", Documents, 200, """[{"section":"Drawings","pageExternalId":"x","files":[{"fileReferenceId":"f1","name":"A.pdf"},{"fileReferenceId":"f2","name":"B.pdf"}]}]""");
        _mock.GivenJson("POST", Documents, 200, DitioWireMock.UploadOk());
        _mock.GivenStatus("DELETE", $"{Documents}/f1", 204);
        _mock.GivenJson("PUT", $"{Documents}/description", 200, """{"externalId":"x","title":"t","description":"d"}""");
        _mock.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath($"{Documents}/f2").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody(new byte[1234]));
        using var capture = TelemetryCapture.Start();

        await Client.GetProjectsAsync();
        await Client.FindProjectByNumberAsync("P-1");
        await Client.GetWorkOrdersAsync(DitioWireMock.ProjectId);
        await Client.GetPagesAsync(_project);
        await Client.UploadAsync(_project, [File("a.pdf", 10)]);
        await Client.UploadManyAsync(_project, [File("a.pdf", 10), File("b.pdf", 20)], new DocumentUploadOptions { ReplaceExistingFilesWithSameName = true });
        await using (var download = await Client.DownloadAsync(_project, "f2"))
        {
            await download.Content.CopyToAsync(Stream.Null);
        }

        await Client.DeleteAsync(_project, "f1");
        await Client.SetDescriptionAsync(_project, "d");

        output.WriteLine(capture.Tree());
        string[] expected = ["GetProjects", "FindProjectByNumber", "GetWorkOrders", "GetPages", "Upload", "UploadMany", "Download", "Delete", "SetDescription"];
        Assert.Equal(expected.Select(o => "Ditio " + o), capture.ChildrenOf(capture.Root).Select(s => s.DisplayName));
        Assert.All(
            capture.ChildrenOf(capture.Root).Where(s => s.DisplayName != "Ditio UploadMany"),
            span => Assert.Contains(capture.ChildrenOf(span), child => child.Source.Name == "System.Net.Http"));
        Assert.Equal(1, capture.Single("Ditio GetProjects").GetTagItem("ditio.documents.count"));
        Assert.Equal(2, capture.Single("Ditio GetPages").GetTagItem("ditio.documents.count"));
        Assert.Equal(DitioWireMock.ProjectId, capture.Single("Ditio GetWorkOrders").GetTagItem("ditio.target.id"));
        var many = capture.Single("Ditio UploadMany");
        Assert.Equal(2, many.GetTagItem("ditio.documents.count"));
        Assert.Equal(30L, many.GetTagItem("ditio.documents.bytes"));
        var batch = Assert.Single(capture.ChildrenOf(many));
        Assert.Equal("Ditio Upload", batch.DisplayName);
        Assert.Equal("System.Net.Http", Assert.Single(capture.ChildrenOf(batch)).Source.Name);
    }

    [Fact]
    public async Task SyncFolderAsync_Traced_IsOneSpanOverTheListUploadsAndDeletes()
    {
        var folder = Directory.CreateTempSubdirectory("ditio-sync-span-").FullName;
        try
        {
            await System.IO.File.WriteAllBytesAsync(Path.Combine(folder, "Drawing-A1.pdf"), new byte[5]);
            _mock.GivenJson("GET", Documents, 200, "[]");
            _mock.GivenJson("POST", Documents, 200, DitioWireMock.UploadOk());
            using var capture = TelemetryCapture.Start();

            await Client.SyncFolderAsync(folder, _project);

            output.WriteLine(capture.Tree());
            var sync = capture.Single("Ditio SyncFolder");
            Assert.Equal(capture.Root.SpanId, sync.ParentSpanId);
            Assert.Equal(1, sync.GetTagItem("ditio.documents.count"));
            var children = capture.ChildrenOf(sync).Where(s => s.Source.Name == DitioDocumentsTelemetry.SourceName).Select(s => s.DisplayName);
            Assert.Equal(["Ditio GetPages", "Ditio Upload"], children);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task GetPagesAsync_ErrorResponse_SpanHasStatusErrorAndErrorType()
    {
        _mock.GivenStatus("GET", Documents, 404, """{"error":"NotFound","message":"No such project"}""", "application/json");
        using var capture = TelemetryCapture.Start();

        await Assert.ThrowsAsync<DitioApiException>(() => Client.GetPagesAsync(_project));

        var span = capture.Single("Ditio GetPages");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal("failure", span.GetTagItem("ditio.operation.outcome"));
    }

    [Fact]
    public async Task GetProjectsAsync_NoResponse_ErrorTypeNamesTheKindOfFailure()
    {
        using var closed = new TestClient(_mock, o => o.ApiBaseUrl = new Uri($"http://127.0.0.1:{Network.ClosedPort()}/core"));
        using var capture = TelemetryCapture.Start();

        await Assert.ThrowsAsync<DitioApiException>(() => closed.Client.GetProjectsAsync());

        var span = capture.Single("Ditio GetProjects");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("no_response", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task GetPagesAsync_CallerCancels_SpanIsCancelledNotAnError()
    {
        _mock.GivenJson("GET", Documents, 200, "[]");
        using var capture = TelemetryCapture.Start();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GetPagesAsync(_project, cancelled.Token));

        var span = capture.Single("Ditio GetPages");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("cancelled", span.GetTagItem("ditio.operation.outcome"));
    }

    public void Dispose()
    {
        _sdk?.Dispose();
        _mock.Dispose();
    }

    private static DocumentUploadFile File(string name, int length) =>
        DocumentUploadFile.FromStream(new MemoryStream(Encoding.ASCII.GetBytes(new string('x', length))), name);
}
