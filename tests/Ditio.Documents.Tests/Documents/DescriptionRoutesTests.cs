using System.Net;
using System.Text.Json;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Documents;

public sealed class DescriptionRoutesTests : IDisposable
{
    private const string Route = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents/description";
    private readonly DitioWireMock _mock = new();
    private readonly TestClient _sdk;
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    public DescriptionRoutesTests() => _sdk = new TestClient(_mock);

    [Fact]
    public async Task SetDescriptionAsync_Folder_PutsTheJsonBodyWithoutQuery_AndReturnsTheAnswer()
    {
        _mock.GivenJson("PUT", Route, 200, $$"""{"externalId":"int-projdocs:{{DitioWireMock.ProjectId}}","title":"P-2026-001 – Prosjekt Fjellhall","description":"Tegninger for Fjellhall «rev B»"}""");

        var result = await _sdk.Client.SetDescriptionAsync(_project, "Tegninger for Fjellhall «rev B»");

        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal(Route, request.Path);
        Assert.True(string.IsNullOrEmpty(request.RawQuery));
        Assert.Equal($"Bearer {DitioWireMock.Token}", request.Headers!["Authorization"].Single());
        Assert.StartsWith("application/json", request.Headers["Content-Type"].Single(), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.BodyAsBytes!);
        Assert.Equal("Tegninger for Fjellhall «rev B»", body.RootElement.GetProperty("description").GetString());
        Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal(new DocumentDescription
        {
            ExternalId = $"int-projdocs:{DitioWireMock.ProjectId}",
            Title = "P-2026-001 – Prosjekt Fjellhall",
            Description = "Tegninger for Fjellhall «rev B»",
        }, result);
    }

    [Theory]
    [InlineData("Drawings", "?section=Drawings")]
    [InlineData("Tegninger Ø/1 #a&b=c", "?section=Tegninger%20%C3%98%2F1%20%23a%26b%3Dc")]
    public async Task SetDescriptionAsync_Section_GoesEscapedInTheQuery(string section, string query)
    {
        _mock.GivenJson("PUT", Route, 200, """{"externalId":"x","title":"t","description":"d"}""");

        await _sdk.Client.SetDescriptionAsync(_project, "d", section);

        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal(Route, request.Path);
        Assert.Equal(query, request.RawQuery);
    }

    [Fact]
    public async Task SetDescriptionAsync_Null_SendsJsonNullToClear()
    {
        _mock.GivenJson("PUT", Route, 200, """{"externalId":"x","title":"Drawings","description":null}""");

        var result = await _sdk.Client.SetDescriptionAsync(_project, null, "Drawings");

        using var body = JsonDocument.Parse(Assert.Single(_mock.ApiRequests).BodyAsBytes!);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("description").ValueKind);
        Assert.Null(result.Description);
        Assert.Equal("Drawings", result.Title);
    }

    [Fact]
    public async Task SetDescriptionAsync_PageDoesNotExistYet_ThrowsNotFoundWithoutRetrying()
    {
        _mock.GivenJson("PUT", Route, 404, """{"error":"NotFound","message":"No page 'Drawings' yet."}""");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.SetDescriptionAsync(_project, "d", "Drawings"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.True(ex.IsNotFound);
        Assert.Equal(DitioFailureKind.ErrorResponse, ex.Kind);
        Assert.Equal(("NotFound", "No page 'Drawings' yet."), (ex.ErrorCode, ex.ErrorMessage));
        Assert.Equal(("PUT", Route + "?section=Drawings"), (ex.RequestMethod, ex.RequestPath));
        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task SetDescriptionAsync_TooLongForDitio_ThrowsTheValidationErrorWithoutRetrying()
    {
        _mock.GivenJson("PUT", Route, 400, """{"message":"Validation failed","errors":[{"category":"Description","code":"TooLong","field":"description","message":"At most 10000 characters."}]}""");

        var ex = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.SetDescriptionAsync(_project, "d"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.False(ex.IsNotFound);
        Assert.Contains("At most 10000 characters.", ex.Message, StringComparison.Ordinal);
        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task SetDescriptionAsync_ServerError_IsRetriedAsAPutMayBeRepeated()
    {
        _mock.GivenSequence("PUT", Route,
            () => DitioWireMock.Json(503, """{"error":{"message":"busy"}}"""),
            () => DitioWireMock.Json(200, """{"externalId":"x","title":"t","description":"d"}"""));

        var result = await _sdk.Client.SetDescriptionAsync(_project, "d");

        Assert.Equal("d", result.Description);
        Assert.Equal(2, _mock.ApiRequests.Count);
        Assert.All(_mock.ApiRequests, r => Assert.Equal("""{"description":"d"}""", r.Body));
    }

    [Fact]
    public async Task SetDescriptionAsync_TenThousandCharacters_IsSent()
    {
        _mock.GivenJson("PUT", Route, 200, """{"externalId":"x","title":"t","description":"d"}""");

        await _sdk.Client.SetDescriptionAsync(_project, new string('x', 10_000));

        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task SetDescriptionAsync_BadInput_RefusedBeforeAnyRequestNamingTheArgumentAndRule()
    {
        var workOrder = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.SetDescriptionAsync(DocumentTarget.WorkOrder(DitioWireMock.WorkOrderId), "d"));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.SetDescriptionAsync(_project, new string('x', 10_001)));
        var blankSection = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.SetDescriptionAsync(_project, "d", "  "));
        var noTarget = await Assert.ThrowsAsync<ArgumentNullException>(() => _sdk.Client.SetDescriptionAsync(null!, "d"));

        Assert.Equal("target", workOrder.ParamName);
        Assert.Contains("projects only", workOrder.Message, StringComparison.Ordinal);
        Assert.Equal("description", tooLong.ParamName);
        Assert.Contains("10001 characters, and Ditio refuses more than 10000", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal("section", blankSection.ParamName);
        Assert.Equal("target", noTarget.ParamName);
        Assert.Empty(_mock.Server.LogEntries);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
    }
}
