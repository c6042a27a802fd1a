using System.Security.Cryptography;
using System.Text;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Documents;

public sealed class DocumentRoutesTests : IDisposable
{
    private const string NorwegianName = "Tegning-Ø1 (rev B) «Fjellhall».pdf";
    private readonly DitioWireMock _mock = new();
    private readonly TestClient _sdk;
    private readonly string _folder = Directory.CreateTempSubdirectory("ditio-tests-").FullName;

    public DocumentRoutesTests() => _sdk = new TestClient(_mock);

    [Fact]
    public async Task UploadAsync_TwoFilesWithSectionAndReplace_SendsOnePartNamedFilePerFileWithQuery()
    {
        _mock.GivenJson("POST", $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents", 200, DitioWireMock.UploadOk());
        var pdf = WriteFile("Drawing-A1.pdf", "%PDF-1.7 drawing");
        var docx = WriteFile("Site-plan.docx", "PK site plan");

        var result = await _sdk.Client.UploadAsync(
            DocumentTarget.Project(DitioWireMock.ProjectId),
            [DocumentUploadFile.FromPath(pdf), DocumentUploadFile.FromPath(docx)],
            new DocumentUploadOptions { Section = "Drawings", ReplaceExistingFilesWithSameName = true });

        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents", request.Path);
        Assert.Equal("?section=Drawings&replaceExistingFilesWithSameName=true", request.RawQuery);
        Assert.Equal($"Bearer {DitioWireMock.Token}", request.Headers!["Authorization"].Single());
        var contentType = request.Headers["Content-Type"].Single();
        Assert.StartsWith("multipart/form-data; boundary=", contentType, StringComparison.Ordinal);
        var body = MultipartBody.Parse(request.BodyAsBytes!, contentType);
        Assert.Equal(2, body.Parts.Count);
        Assert.All(body.Parts, p => Assert.Equal("file", p.Name));
        Assert.Equal(["Drawing-A1.pdf", "Site-plan.docx"], body.Parts.Select(p => p.PlainFileNameAsUtf8));
        Assert.Equal("application/pdf", body.Parts[0].Header("Content-Type"));
        Assert.Equal("%PDF-1.7 drawing", Encoding.UTF8.GetString(body.Parts[0].Content));
        Assert.Equal("PK site plan", Encoding.UTF8.GetString(body.Parts[1].Content));
        Assert.Equal("66b1a2c3d4e5f6a7b8c9d0e2", result.Files.Single().FileReferenceId);
        Assert.Equal("Drawings", result.Section);
        Assert.Equal($"int-projdocs:{DitioWireMock.ProjectId}:drawings", result.PageExternalId);
        Assert.Equal("Drawing-A1.pdf", Assert.Single(result.PageFiles).Name);
    }

    [Fact]
    public async Task UploadAsync_NoOptions_SendsNoQueryAndUsesTasksRouteForWorkOrder()
    {
        _mock.GivenJson("POST", $"/core/api/v4/integration/tasks/{DitioWireMock.WorkOrderId}/documents", 201, DitioWireMock.UploadOk());

        await _sdk.Client.UploadFileAsync(DocumentTarget.WorkOrder(DitioWireMock.WorkOrderId), WriteFile("Method-statement.pdf", "x"));

        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal($"/core/api/v4/integration/tasks/{DitioWireMock.WorkOrderId}/documents", request.Path);
        Assert.True(string.IsNullOrEmpty(request.RawQuery));
    }

    [Fact]
    public async Task UploadAsync_NorwegianFileName_ArrivesExactlyAtServersReadingFileNameStarAndAtServersReadingRawUtf8()
    {
        _mock.GivenJson("POST", $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents", 200, DitioWireMock.UploadOk());
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("drawing"));

        await _sdk.Client.UploadAsync(DocumentTarget.Project(DitioWireMock.ProjectId), [DocumentUploadFile.FromStream(stream, NorwegianName)]);

        var request = Assert.Single(_mock.ApiRequests);
        var part = Assert.Single(MultipartBody.Parse(request.BodyAsBytes!, request.Headers!["Content-Type"].Single()).Parts);
        Assert.Equal(NorwegianName, part.PlainFileNameAsUtf8);
        Assert.Equal(NorwegianName, part.FileNameStarFirst);
        var rawName = Encoding.UTF8.GetBytes($"filename=\"{NorwegianName}\"");
        Assert.True(part.RawHeaders.AsSpan().IndexOf(rawName) >= 0, "the plain filename parameter must carry the name as raw UTF-8 bytes");
    }

    [Fact]
    public async Task GetPagesAsync_BareArray_ReturnsPages()
    {
        _mock.GivenJson("GET", $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents", 200, """
            [{"section":"Drawings","pageExternalId":"int-projdocs:p:drawings","files":[{"fileReferenceId":"f1","name":"A.pdf"}]},
             {"section":"Documents","pageExternalId":"int-projdocs:p:documents","files":[]}]
            """);

        var pages = await _sdk.Client.GetPagesAsync(DocumentTarget.Project(DitioWireMock.ProjectId));

        Assert.Equal(["Drawings", "Documents"], pages.Select(p => p.Section));
        Assert.Equal("f1", pages[0].Files.Single().FileReferenceId);
        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"Bearer {DitioWireMock.Token}", request.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task GetPagesAsync_BareArrayWithElementsThatAreNotPages_SkipsThem()
    {
        _mock.GivenJson("GET", $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents", 200, """
            [null, 7, "x", [{"section":"Nested"}], {"section":"Drawings","files":[{"fileReferenceId":"f1","name":"A.pdf"}],"extra":{"a":[1]}}, {}]
            """);

        var pages = await _sdk.Client.GetPagesAsync(DocumentTarget.Project(DitioWireMock.ProjectId));

        Assert.Equal(["Drawings", null], pages.Select(p => p.Section));
        Assert.Equal("f1", pages[0].Files.Single().FileReferenceId);
        Assert.Empty(pages[1].Files);
    }

    [Theory]
    [InlineData("""{"pages":[{"section":"Drawings","files":[{"fileReferenceId":"f1","name":"A.pdf"}]}]}""")]
    [InlineData("""{"section":"Drawings","pageExternalId":"x","files":[{"fileReferenceId":"f1","name":"A.pdf"}]}""")]
    public async Task GetPagesAsync_WrapperOrSinglePage_ReturnsThePage(string body)
    {
        _mock.GivenJson("GET", $"/core/api/v4/integration/tasks/{DitioWireMock.WorkOrderId}/documents", 200, body);

        var pages = await _sdk.Client.GetPagesAsync(DocumentTarget.WorkOrder(DitioWireMock.WorkOrderId));

        var page = Assert.Single(pages);
        Assert.Equal("Drawings", page.Section);
        Assert.Equal("A.pdf", page.Files.Single().Name);
    }

    [Theory]
    [InlineData("attachment; filename=\"plain.pdf\"; filename*=UTF-8''Tegning-%C3%981%20%28rev%20B%29%20%C2%ABFjellhall%C2%BB.pdf", NorwegianName)]
    [InlineData("attachment; filename=\"Drawing-A1.pdf\"", "Drawing-A1.pdf")]
    [InlineData("attachment; filename=Drawing-A1.pdf", "Drawing-A1.pdf")]
    public async Task DownloadAsync_ReturnsStreamNameTypeAndLength(string disposition, string expectedName)
    {
        var bytes = RandomNumberGenerator.GetBytes(70_000);
        _mock.Server.Given(WireMock.RequestBuilders.Request.Create()
                .WithPath($"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents/f1").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/octet-stream")
                .WithHeader("Content-Disposition", disposition)
                .WithBody(bytes));

        await using var download = await _sdk.Client.DownloadAsync(DocumentTarget.Project(DitioWireMock.ProjectId), "f1");
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);

        Assert.Equal(expectedName, download.FileName);
        Assert.Equal("application/octet-stream", download.ContentType);
        Assert.Null(download.ContentLength); // WireMock streams chunked; Content-Length is covered in DownloadIntegrityTests
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task DownloadToFileAsync_WritesTheBytesUnderTheGivenPath()
    {
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        _mock.Server.Given(WireMock.RequestBuilders.Request.Create()
                .WithPath($"/core/api/v4/integration/tasks/{DitioWireMock.WorkOrderId}/documents/f9").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/octet-stream")
                .WithHeader("Content-Disposition", "attachment; filename=\"A.pdf\"")
                .WithBody(bytes));
        var destination = Path.Combine(_folder, "out.pdf");

        var result = await _sdk.Client.DownloadToFileAsync(DocumentTarget.WorkOrder(DitioWireMock.WorkOrderId), "f9", destination);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(destination));
        Assert.Equal(bytes.Length, result.Length);
        Assert.Equal("A.pdf", result.FileName);
        Assert.Equal([destination], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task DeleteAsync_Sends204RouteWithToken()
    {
        _mock.GivenStatus("DELETE", $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents/f1", 204);

        await _sdk.Client.DeleteAsync(DocumentTarget.Project(DitioWireMock.ProjectId), "f1");

        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents/f1", request.Path);
        Assert.Equal($"Bearer {DitioWireMock.Token}", request.Headers!["Authorization"].Single());
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
