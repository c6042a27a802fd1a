using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Lookups;

public sealed class LookupRoutesTests : IDisposable
{
    private readonly DitioWireMock _mock = new();
    private readonly TestClient _sdk;

    public LookupRoutesTests() => _sdk = new TestClient(_mock);

    [Fact]
    public async Task GetProjectsAsync_ParsesTypedFieldsAndKeepsUnknownOnes()
    {
        _mock.GivenJson("GET", "/core/api/v4/integration/projects", 200, """
            [{"id":"65f1a2b3c4d5e6f7a8b9c0d1","companyId":"c1","projectNumber":"P-2026-001","name":"Prosjekt Fjellhall","active":true,
              "externalProjectNumber":"EXT-9","startDate":"2026-01-15T00:00:00Z","finishedDate":null,"finishedDatePlanned":"2026-12-31",
              "projectCustomerName":"Statens vegvesen","unitId":17,"somethingNew":{"nested":[1,2]}},
             {"id":12345,"companyId":"c1","projectNumber":"P 2026/002 #ÆØÅ","name":"Tunnel","active":"false","startDate":"not a date"}]
            """);

        var projects = await _sdk.Client.GetProjectsAsync();

        Assert.Equal(2, projects.Count);
        var first = projects[0];
        Assert.Equal(("65f1a2b3c4d5e6f7a8b9c0d1", "c1", "P-2026-001", "Prosjekt Fjellhall", true), (first.Id, first.CompanyId, first.ProjectNumber, first.Name, first.Active));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), first.StartDate);
        Assert.Null(first.FinishedDate);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), first.FinishedDatePlanned!.Value.ToUniversalTime());
        Assert.Equal("Statens vegvesen", first.ProjectCustomerName);
        Assert.Equal(17, first.AdditionalFields!["unitId"].GetInt32());
        Assert.True(first.AdditionalFields.ContainsKey("somethingNew"));
        Assert.Equal(("12345", false, (DateTimeOffset?)null), (projects[1].Id, projects[1].Active, projects[1].StartDate));
        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"Bearer {DitioWireMock.Token}", request.Headers!["Authorization"].Single());
    }

    [Theory]
    [InlineData("P-2026-001", "P-2026-001")]
    [InlineData("P 2026/002 #ÆØÅ", "P%202026%2F002%20%23%C3%86%C3%98%C3%85")]
    [InlineData("50% ?x=1&y", "50%25%20%3Fx%3D1%26y")]
    [InlineData("...", "...")]
    [InlineData("P..1", "P..1")]
    public async Task FindProjectByNumberAsync_EscapesTheNumberAsOnePathSegmentOnTheRequestLine(string number, string escaped)
    {
        await using var api = new RawHttpServer((_, stream, _) => RawHttpServer.WriteJsonAsync(stream, 200, """{"id":"p1","projectNumber":"x"}"""));
        using var sdk = new TestClient(_mock, o => o.ApiBaseUrl = new Uri(api.BaseUri, "/core"));

        var project = await sdk.Client.FindProjectByNumberAsync(number);

        Assert.Equal("p1", project!.Id);
        var request = Assert.Single(api.Requests);
        Assert.Equal($"GET /core/api/v4/integration/projects/by-project-number/{escaped} HTTP/1.1", request.RequestLine);
        Assert.Equal($"Bearer {DitioWireMock.Token}", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task FindProjectByNumberAsync_NotFound_ReturnsNull()
    {
        _mock.GivenStatus("GET", "/core/api/v4/integration/projects/by-project-number/P-404", 404);

        Assert.Null(await _sdk.Client.FindProjectByNumberAsync("P-404"));
        Assert.Single(_mock.ApiRequests);
    }

    [Fact]
    public async Task GetWorkOrdersAsync_ReadsWorkOrdersWithOddlyTypedFields()
    {
        _mock.GivenJson("GET", $"/core/api/v4/integration/tasks/project/{DitioWireMock.ProjectId}", 200, """
            [{"id":"w1","projectId":"65f1a2b3c4d5e6f7a8b9c0d1","externalId":"E1","name":"Sprengning","active":true,
              "workDescriptionShort":"Spr","measureUnitQty":true,"unitId":"m3"},
             {"id":"w2","projectId":"65f1a2b3c4d5e6f7a8b9c0d1","externalId":42,"name":"Sikring","active":1,"measureUnitQty":2.5,"unitId":3}]
            """);

        var workOrders = await _sdk.Client.GetWorkOrdersAsync(DitioWireMock.ProjectId);

        Assert.Equal(["w1", "w2"], workOrders.Select(w => w.Id));
        Assert.Equal(("E1", "Spr", true), (workOrders[0].ExternalId, workOrders[0].WorkDescriptionShort, workOrders[0].Active));
        Assert.Equal(("42", true), (workOrders[1].ExternalId, workOrders[1].Active));
        Assert.Equal($"/core/api/v4/integration/tasks/project/{DitioWireMock.ProjectId}", Assert.Single(_mock.ApiRequests).Path);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
    }
}
