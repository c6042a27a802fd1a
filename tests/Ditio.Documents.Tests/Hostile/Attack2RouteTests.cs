using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Attacks on the hand-written routes (DitioRequestSender): a value whose UTF-16 is not valid (a lone surrogate) has
/// no UTF-8 of its own; percent-escaping sends U+FFFD in its place, which is another value: "a\uD800b" and "a\uDC00b"
/// would both delete (or replace, or look up) "a\uFFFDb". Such a value is refused before any request, naming the argument.
/// </summary>
public sealed class Attack2RouteTests : IAsyncDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _mock = new();
    private readonly RawHttpServer _api = new((_, stream, _) => RawHttpServer.WriteJsonAsync(stream, 200, """{"id":"p1","projectNumber":"x"}"""));

    /// <summary>By index: xUnit passes theory strings through a serialiser that would itself turn a lone surrogate into U+FFFD.</summary>
    private static readonly string[] Values = ["a\uD800b", "a\uDC00", "\uD800", "x\uDBFF", "\uDFFF\uD800"];

    public static TheoryData<int> LoneSurrogates => [0, 1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task DeleteAndDownload_FileReferenceIdWithALoneSurrogate_RefusedBeforeAnyRequest_NeverAnotherDocument(int index)
    {
        var id = Values[index];
        using var sdk = Sdk();
        var project = DocumentTarget.Project("p1");

        var delete = await Assert.ThrowsAsync<ArgumentException>(() => sdk.Client.DeleteAsync(project, id).WaitAsync(Cap));
        var download = await Assert.ThrowsAsync<ArgumentException>(() => sdk.Client.DownloadAsync(project, id).WaitAsync(Cap));

        Assert.Equal(("fileReferenceId", "fileReferenceId"), (delete.ParamName, download.ParamName));
        Assert.Contains("lone surrogate", delete.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void Targets_IdWithALoneSurrogate_Refused(int index)
    {
        var id = Values[index];
        Assert.Equal("projectId", Assert.Throws<ArgumentException>(() => DocumentTarget.Project(id)).ParamName);
        Assert.Equal("workOrderId", Assert.Throws<ArgumentException>(() => DocumentTarget.WorkOrder(id)).ParamName);
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task ProjectNumberSectionAndFileName_WithALoneSurrogate_RefusedBeforeAnyRequest(int index)
    {
        var value = Values[index];
        using var sdk = Sdk();
        var project = DocumentTarget.Project("p1");

        var number = await Assert.ThrowsAsync<ArgumentException>(() => sdk.Client.FindProjectByNumberAsync(value).WaitAsync(Cap));
        var section = await Assert.ThrowsAsync<ArgumentException>(() => sdk.Client.SetDescriptionAsync(project, "d", value).WaitAsync(Cap));
        var upload = await Assert.ThrowsAsync<ArgumentException>(() => sdk.Client.UploadAsync(
            project, [DocumentUploadFile.FromStream(new MemoryStream([1]), "A1.pdf")], new DocumentUploadOptions { Section = value }).WaitAsync(Cap));
        var name = Assert.Throws<ArgumentException>(() => DocumentUploadFile.FromStream(new MemoryStream([1]), value + ".pdf"));

        Assert.Equal(("projectNumber", "section", "options.Section", "fileName"), (number.ParamName, section.ParamName, upload.ParamName, name.ParamName));
        Assert.Empty(_api.Requests);
    }

    [Theory]
    [InlineData("a\uD83D\uDCC4b", "a%F0%9F%93%84b")] // a surrogate pair is a character: sent as its UTF-8
    [InlineData(". .", ".%20.")]
    [InlineData("\uFF0E\uFF0E", "%EF%BC%8E%EF%BC%8E")] // fullwidth dots: not dots to a URI
    [InlineData("a\u2215b", "a%E2%88%95b")] // division slash: not a slash to a URI
    public async Task Delete_OddButValidIds_GoOnTheWireAsOneEscapedSegmentOfTheDocumentsRoute(string id, string escaped)
    {
        using var sdk = Sdk();

        await sdk.Client.DeleteAsync(DocumentTarget.Project("p1"), id).WaitAsync(Cap);

        var request = Assert.Single(_api.Requests);
        Assert.Equal($"DELETE /core/api/v4/integration/projects/p1/documents/{escaped} HTTP/1.1", request.RequestLine);
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        _mock.Dispose();
    }

    private TestClient Sdk() => new(_mock, o => o.ApiBaseUrl = new Uri(_api.BaseUri, "/core"));
}
