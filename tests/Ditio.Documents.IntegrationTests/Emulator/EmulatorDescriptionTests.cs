using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Emulator;

/// <summary>The emulator's description route, through the SDK and from a plain HttpClient for what the SDK never sends.</summary>
public sealed class EmulatorDescriptionTests : IAsyncLifetime
{
    private const string ProjectId = DitioEmulator.SampleProjectId;
    private readonly TestFiles _files = new();
    private EmulatorSdk _sdk = null!;

    private DitioEmulator Emulator => _sdk.Emulator;

    public async Task InitializeAsync() => _sdk = await EmulatorSdk.StartAsync();

    public async Task DisposeAsync()
    {
        await _sdk.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task SetDescription_BeforeTheFirstUpload_Is404ForFolderAndPage()
    {
        var folder = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.SetDescriptionAsync(_sdk.Project, "Fjellhall"));
        var page = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.SetDescriptionAsync(_sdk.Project, "Rev B", "Drawings"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (folder.StatusCode, page.StatusCode));
        Assert.Contains("no document folder yet", folder.Message, StringComparison.Ordinal);
        Assert.Contains("no page 'Drawings' yet", page.Message, StringComparison.Ordinal);
        Assert.Null(Emulator.GetDescription(ProjectId));
    }

    [Fact]
    public async Task SetDescription_AfterAnUpload_DescribesFolderAndPage_CaseInsensitively_AndNullClears()
    {
        await _sdk.Client.UploadFileAsync(_sdk.Project, _files.Write("Drawing-A1.pdf", 100), new() { Section = "Drawings" });

        var folder = await _sdk.Client.SetDescriptionAsync(_sdk.Project, "Alt om Fjellhall «rev B»");
        var page = await _sdk.Client.SetDescriptionAsync(_sdk.Project, "Gyldige tegninger", "drawings");

        Assert.Equal(new DocumentDescription { ExternalId = $"int-projdocs:{ProjectId}", Title = "P-2026-001 – Prosjekt Fjellhall", Description = "Alt om Fjellhall «rev B»" }, folder);
        Assert.Equal(new DocumentDescription { ExternalId = $"int-projdocs:{ProjectId}:drawings", Title = "Drawings", Description = "Gyldige tegninger" }, page);
        Assert.Equal("Alt om Fjellhall «rev B»", Emulator.GetDescription(ProjectId));
        Assert.Equal("Gyldige tegninger", Emulator.GetDescription(ProjectId, "Drawings"));

        var cleared = await _sdk.Client.SetDescriptionAsync(_sdk.Project, null, "Drawings");

        Assert.Null(cleared.Description);
        Assert.Null(Emulator.GetDescription(ProjectId, "Drawings"));
        Assert.Equal("Alt om Fjellhall «rev B»", Emulator.GetDescription(ProjectId));
        var put = Emulator.Journal.Last();
        Assert.Equal(("PUT", $"/core/api/v4/integration/projects/{ProjectId}/documents/description", "?section=Drawings", 200), (put.Method, put.Path, put.Query, put.StatusCode));
    }

    [Fact]
    public async Task SetDescription_WorkOrderDocumentsPage_IsDescribedOnTheProject()
    {
        var upload = await _sdk.Client.UploadFileAsync(_sdk.WorkOrder, _files.Write("Method.pdf", 100));

        var page = await _sdk.Client.SetDescriptionAsync(_sdk.Project, "Sprengning: les før start", upload.Section);

        Assert.Equal(upload.PageExternalId, page.ExternalId);
        Assert.Equal("Sprengning: les før start", Emulator.GetDescription(ProjectId, upload.Section));
    }

    [Fact]
    public async Task Put_TooLongNotJsonTooLargeOrOnAWorkOrder_IsRefusedAsDocumented()
    {
        await _sdk.Client.UploadFileAsync(_sdk.Project, _files.Write("Drawing-A1.pdf", 100));
        using var http = new HttpClient();
        var token = await TokenAsync(http);
        var url = $"{Emulator.ApiBaseUrl}/api/v4/integration/projects/{ProjectId}/documents/description";

        var tooLong = await PutAsync(http, url, token, $$"""{"description":"{{new string('x', 10_001)}}"}""");
        var notJson = await PutAsync(http, url, token, "description=x");
        var tooLarge = await PutAsync(http, url, token, $$"""{"description":"{{new string(' ', 70_000)}}"}""");
        var workOrder = await PutAsync(http, $"{Emulator.ApiBaseUrl}/api/v4/integration/tasks/{DitioEmulator.SampleWorkOrderId}/documents/description", token, """{"description":"x"}""");
        var justRight = await PutAsync(http, url, token, $$"""{"description":"{{new string('x', 10_000)}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("\"code\":\"TooLong\"", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, workOrder.StatusCode);
        Assert.Equal(HttpStatusCode.OK, justRight.StatusCode);
        Assert.Equal(10_000, Emulator.GetDescription(ProjectId)!.Length);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient http, string url, string token, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    private async Task<string> TokenAsync(HttpClient http)
    {
        using var response = await http.PostAsync($"{Emulator.IdentityBaseUrl}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Emulator.ClientId,
            ["client_secret"] = Emulator.ClientSecret,
            ["scope"] = "ditioapiv3",
        }));
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
