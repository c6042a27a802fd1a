using System.Net;
using System.Text;
using Ditio.Documents.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ditio.Documents.Tests.Lookups;

/// <summary>How JSON answers are read: whole, in one pass, in any charset, and quoted when they are not the JSON expected.</summary>
public sealed class JsonAnswerTests : IDisposable
{
    private const string ProjectsPath = "/core/api/v4/integration/projects";
    private readonly DitioWireMock _mock = new();
    private readonly TestClient _sdk;

    public JsonAnswerTests() => _sdk = new TestClient(_mock);

    [Fact]
    public async Task GetProjectsAsync_Utf8AnswerWithByteOrderMark_IsRead()
    {
        GivenBytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("""[{"id":"p1","name":"Prosjekt Ærfugl"}]""")], "application/json; charset=utf-8");

        var project = Assert.Single(await _sdk.Client.GetProjectsAsync());

        Assert.Equal("Prosjekt Ærfugl", project.Name);
    }

    [Fact]
    public async Task GetProjectsAsync_AnswerInAnotherCharset_IsTranscoded()
    {
        GivenBytes(Encoding.Latin1.GetBytes("""[{"id":"p1","name":"Prosjekt Ærfugl-Øst-Å"}]"""), "application/json; charset=iso-8859-1");

        var project = Assert.Single(await _sdk.Client.GetProjectsAsync());

        Assert.Equal("Prosjekt Ærfugl-Øst-Å", project.Name);
    }

    [Fact]
    public async Task GetProjectsAsync_AnswerLargerThanTheFirstBuffer_IsReadWhole()
    {
        var projects = Enumerable.Range(0, 2_000).Select(i => $$"""{"id":"p{{i}}","projectNumber":"P-{{i:D4}}","name":"Prosjekt nummer {{i}} med et langt navn"}""");
        _mock.GivenJson("GET", ProjectsPath, 200, $"[{string.Join(',', projects)}]");

        var read = await _sdk.Client.GetProjectsAsync();

        Assert.Equal(2_000, read.Count);
        Assert.Equal("P-1999", read[^1].ProjectNumber);
    }

    [Fact]
    public async Task GetProjectsAsync_MalformedJson_ThrowsInvalidResponseQuotingTheBody()
    {
        const string body = """[{"id":"p1","name":"Prosjekt Fjellhall"},{"id":"p2","name":""";
        _mock.GivenJson("GET", ProjectsPath, 200, body);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetProjectsAsync());

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(body, error.ResponseExcerpt);
        Assert.Contains("not the JSON expected", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task FindProjectByNumberAsync_JsonNull_ThrowsInvalidResponse()
    {
        _mock.GivenJson("GET", $"{ProjectsPath}/by-project-number/P-1", 200, "null");

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.FindProjectByNumberAsync("P-1"));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Equal("null", error.ResponseExcerpt);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
    }

    private void GivenBytes(byte[] body, string contentType) =>
        _mock.Server.Given(Request.Create().WithPath(ProjectsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body));
}
