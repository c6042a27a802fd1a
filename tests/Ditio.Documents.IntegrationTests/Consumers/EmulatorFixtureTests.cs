using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ditio.Documents.AspNetSample;
using Ditio.Documents.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.IntegrationTests.Consumers;

/// <summary>
/// One emulator for every test of a class (xunit's class fixture): started before the first test, disposed after the
/// last. Tests that share it must not assume an empty store: each uses its own project (<see cref="DitioEmulator.AddProject"/>).
/// </summary>
public sealed class DitioEmulatorFixture : IAsyncLifetime
{
    public DitioEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await DitioEmulator.StartAsync();

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

/// <summary>
/// The second way of docs/testing.md: the ASP.NET sample wired to the SDK as in production, with the SDK pointed at an
/// emulator from a fixture; assertions on what the emulator stored and saw.
/// </summary>
public sealed class EmulatorFixtureTests(DitioEmulatorFixture fixture) : IClassFixture<DitioEmulatorFixture>, IAsyncLifetime
{
    private DitioEmulator Emulator => fixture.Emulator;

    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = SampleApp.Build([], builder =>
        {
            builder.Services.Configure<DitioDocumentsOptions>(Emulator.Configure); // URLs, client id and secret of the emulator
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
        });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Upload_StoresTheFileInDitio_OnTheSection()
    {
        var project = Emulator.AddProject("P-FIX-1", "Fixture project");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.7 drawing"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "Drawing-A1.pdf");

        using var response = await _http.PostAsync("/projects/P-FIX-1/documents?section=Drawings", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(Emulator.GetDocuments(project.Id));
        Assert.Equal(("Drawing-A1.pdf", "Drawings", 16L), (stored.Name, stored.Section, stored.Size));
    }

    [Fact]
    public async Task ListPages_DitioFailsOnceThenAnswers_TheSdkRetriesAndTheAppAnswers()
    {
        var project = Emulator.AddProject("P-FIX-2", "Fixture project 2");
        Emulator.Faults.FailNext(1, "GET", $"/projects/{project.Id}/documents", 503);

        var pages = await _http.GetFromJsonAsync<JsonElement>("/projects/P-FIX-2/pages");

        Assert.Empty(pages.EnumerateArray());
        Assert.Equal([503, 200], Emulator.Journal.Where(r => r.Path.EndsWith($"{project.Id}/documents", StringComparison.Ordinal)).Select(r => r.StatusCode));
    }
}
