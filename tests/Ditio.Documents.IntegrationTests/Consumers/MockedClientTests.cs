using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ditio.Documents.AspNetSample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Ditio.Documents.IntegrationTests.Consumers;

/// <summary>
/// The first way of docs/testing.md: the ASP.NET sample's endpoints tested against a mocked
/// <see cref="IDitioDocumentsClient"/> (NSubstitute) whose answers and failures come from
/// <see cref="DitioDocumentsModelFactory"/>. No Ditio, no emulator: only the app's own logic.
/// </summary>
public sealed class MockedClientTests : IAsyncLifetime
{
    private readonly IDitioDocumentsClient _ditio = Substitute.For<IDitioDocumentsClient>();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = SampleApp.Build([], builder =>
        {
            // The SDK validates its options at start-up even when its client is replaced.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Ditio:ClientId"] = "unused", ["Ditio:ClientSecret"] = "unused" });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(_ditio); // registered last, so it is the IDitioDocumentsClient the endpoints get
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
    public async Task ListPages_ReturnsThePagesTheClientGives()
    {
        _ditio.FindProjectByNumberAsync("P-2026-001", Arg.Any<CancellationToken>())
            .Returns(DitioDocumentsModelFactory.DitioProject(id: "p1", projectNumber: "P-2026-001"));
        _ditio.GetPagesAsync(DocumentTarget.Project("p1"), Arg.Any<CancellationToken>()).Returns(
        [
            DitioDocumentsModelFactory.DocumentPage("Drawings", "int-projdocs:p1:drawings", [DitioDocumentsModelFactory.DocumentPageFile("f1", "Tegning-Ø1.pdf")]),
        ]);

        var pages = await _http.GetFromJsonAsync<JsonElement>("/projects/P-2026-001/pages");

        var page = Assert.Single(pages.EnumerateArray());
        Assert.Equal("Drawings", page.GetProperty("section").GetString());
        Assert.Equal("Tegning-Ø1.pdf", page.GetProperty("files")[0].GetProperty("name").GetString());
        await _ditio.Received(1).GetPagesAsync(DocumentTarget.Project("p1"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ListPages_UnknownProject_Is404WithoutListing()
    {
        _ditio.FindProjectByNumberAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns((DitioProject?)null);

        using var response = await _http.GetAsync("/projects/P-404/pages");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await _ditio.DidNotReceiveWithAnyArgs().GetPagesAsync(default!, default);
    }

    [Fact]
    public async Task ListPages_DitioBusy_IsAGenericBadGateway_WithoutDitiosWords()
    {
        _ditio.FindProjectByNumberAsync("P-2026-001", Arg.Any<CancellationToken>())
            .Returns(DitioDocumentsModelFactory.DitioProject(id: "p1"));
        _ditio.GetPagesAsync(Arg.Any<DocumentTarget>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(DitioDocumentsModelFactory.DitioApiException(HttpStatusCode.ServiceUnavailable, errorCode: "Busy", errorMessage: "Try again later."));

        using var response = await _http.GetAsync("/projects/P-2026-001/pages");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // A server error of Ditio's is not the caller's to fix: the sample answers a generic problem.
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("Ditio could not complete the request", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Busy", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPages_CredentialsRefused_IsABadGateway()
    {
        _ditio.FindProjectByNumberAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(DitioDocumentsModelFactory.DitioAuthenticationException("my-client", oauthError: "invalid_client"));

        using var response = await _http.GetAsync("/projects/P-2026-001/pages");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("invalid_client", problem.GetProperty("oauthError").GetString());
    }
}
