using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Ditio.Documents.IntegrationTests.Emulator;

/// <summary>The emulator keeps the guide's rules and its own documented decisions, seen from a plain HttpClient and from the SDK.</summary>
public sealed class EmulatorBehaviourTests : IAsyncLifetime
{
    private readonly TestFiles _files = new();
    private readonly HttpClient _http = new();
    private EmulatorSdk _sdk = null!;

    private DitioEmulator Emulator => _sdk.Emulator;

    public async Task InitializeAsync() => _sdk = await EmulatorSdk.StartAsync(emulatorOptions: o => o.MaxRequestBytes = 200_000);

    public async Task DisposeAsync()
    {
        await _sdk.DisposeAsync();
        _http.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task Api_WithoutOrWithWrongOrExpiredToken_Answers401()
    {
        var url = $"{Emulator.ApiBaseUrl}/api/v4/integration/projects";
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, url, "emu_not-a-token")).StatusCode);

        var token = await TokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, url, token)).StatusCode);
        Emulator.Faults.ExpireAllTokens();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, url, token)).StatusCode);
        Assert.Equal([false, true, true, true], Emulator.Journal.Where(r => r.Path.EndsWith("/projects", StringComparison.Ordinal)).Select(r => r.HadAuthorization));
    }

    [Fact]
    public async Task Token_LifetimeEnds_TheTokenIsRefused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await DitioEmulator.StartAsync(new DitioEmulatorOptions { TimeProvider = time, TokenLifetime = TimeSpan.FromMinutes(5) });
        var token = await TokenAsync(emulator);
        var url = $"{emulator.ApiBaseUrl}/api/v4/integration/projects";

        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, url, token)).StatusCode);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, url, token)).StatusCode);
    }

    [Theory]
    [InlineData("wrong-secret", "ditioapiv3", "invalid_client")]
    [InlineData(null, "openid", "invalid_scope")]
    public async Task Token_BadRequest_AnswersOAuthError(string? secret, string scope, string error)
    {
        using var response = await _http.PostAsync($"{Emulator.IdentityBaseUrl}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Emulator.ClientId,
            ["client_secret"] = secret ?? Emulator.ClientSecret,
            ["scope"] = scope,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"error\":\"{error}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherCompanysProject_Is404OnLookupsAnd403OnDocuments()
    {
        var lookup = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetWorkOrdersAsync(DitioEmulator.OtherCompanyProjectId));
        var documents = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetPagesAsync(DocumentTarget.Project(DitioEmulator.OtherCompanyProjectId)));

        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, documents.StatusCode);
        Assert.False(documents.IsNotFound);
        Assert.Equal(DitioFailureKind.Forbidden, documents.Kind);
        Assert.Contains("not in your company", documents.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("setup.EXE. ")]
    [InlineData("page.html")]
    [InlineData("script.ps1")]
    public async Task Upload_RefusedType_Answers400AndStoresNothing(string name)
    {
        // The SDK refuses these before sending; a client without its rules shows what the emulator does.
        await using var lax = await EmulatorSdk.StartAsync(o => o.Transfers.RefusedExtensions.Clear());
        var good = _files.Write("good.pdf", 100);
        using var bad = new MemoryStream(Encoding.UTF8.GetBytes("MZ binary"));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => lax.Client.UploadAsync(
            lax.Project, [DocumentUploadFile.FromPath(good), DocumentUploadFile.FromStream(bad, name)]));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("FileNotAllowed", error.ErrorCode);
        Assert.Contains(name, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(lax.Emulator.GetDocuments());
        Assert.Empty(Directory.GetFiles(lax.Emulator.StorageFolder));
    }

    [Fact]
    public async Task Upload_RefusedTypeThroughTheSdk_IsRefusedBeforeSending()
    {
        using var bad = new MemoryStream(Encoding.UTF8.GetBytes("MZ binary"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.UploadAsync(_sdk.Project, [DocumentUploadFile.FromStream(bad, "setup.exe. ")]));

        Assert.Equal("files", error.ParamName);
        Assert.Contains("'setup.exe. ' has the type .exe, which Ditio refuses", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Emulator.Journal, r => r.Method == "POST");
    }

    [Fact]
    public async Task Upload_HtmlRenamedToJpg_IsRefused()
    {
        using var html = new MemoryStream(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.UploadAsync(_sdk.Project, [DocumentUploadFile.FromStream(html, "photo.jpg")]));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Empty(Emulator.GetDocuments());
    }

    [Fact]
    public async Task Upload_RequestAtOrOverTheLimit_Answers413BeforeStoring()
    {
        var big = _files.Write("big.pdf", 200_000);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.UploadFileAsync(_sdk.Project, big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Contains("200000", error.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Empty(Emulator.GetDocuments());
    }

    [Fact]
    public async Task Upload_ChunkedRequestOverTheLimit_Answers413AndKeepsNoBytes()
    {
        using var forwardOnly = new ForwardOnly(new byte[250_000]);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.UploadAsync(_sdk.Project, [DocumentUploadFile.FromStream(forwardOnly, "big.pdf")]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Empty(Emulator.GetDocuments());
        Assert.Empty(Directory.GetFiles(Emulator.StorageFolder));
    }

    [Fact]
    public async Task Upload_ReplaceMatchesNamesCaseInsensitivelyOnThatPageOnly()
    {
        var drawing = _files.Write("Drawing.pdf", 1000, seed: 1);
        await _sdk.Client.UploadFileAsync(_sdk.Project, drawing, new() { Section = "Drawings" });
        await _sdk.Client.UploadFileAsync(_sdk.Project, drawing, new() { Section = "Contracts" });
        var upper = _files.Write("DRAWING.PDF", 2000, seed: 2);

        var result = await _sdk.Client.UploadFileAsync(_sdk.Project, upper, new() { Section = "DRAWINGS", ReplaceExistingFilesWithSameName = true });

        Assert.Equal("Drawings", result.Section);
        Assert.Equal(["DRAWING.PDF"], result.PageFiles.Select(f => f.Name));
        var stored = Emulator.GetDocuments().OrderBy(d => d.Section, StringComparer.Ordinal).ToList();
        Assert.Equal([("Contracts", "Drawing.pdf", 1000L), ("Drawings", "DRAWING.PDF", 2000L)], stored.Select(d => (d.Section, d.Name, d.Size)));
        Assert.Equal(2, Directory.GetFiles(Emulator.StorageFolder).Length);
    }

    [Fact]
    public async Task Upload_WithoutReplace_KeepsBothCopies()
    {
        var drawing = _files.Write("Drawing.pdf", 1000);
        await _sdk.Client.UploadFileAsync(_sdk.Project, drawing);

        var result = await _sdk.Client.UploadFileAsync(_sdk.Project, drawing);

        Assert.Equal("Documents", result.Section);
        Assert.Equal(2, result.PageFiles.Count);
        Assert.Equal(2, Emulator.GetDocuments().Count);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Upload_NonAsciiName_IsReadFromFileNameStarOrFromRawUtf8FileName(bool sendStar, bool sendRawUtf8)
    {
        const string name = "Tegning-Ø1 (rev B) «Fjellhall».pdf";
        var disposition = "form-data; name=\"file\"; filename=\"" + (sendRawUtf8 ? name : "fallback.pdf") + "\""
            + (sendStar ? "; filename*=UTF-8''" + Uri.EscapeDataString(name) : "");
        var part = new ByteArrayContent([1, 2, 3]);
        part.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        using var form = new MultipartFormDataContent { part };
        form.HeaderEncodingSelector = (_, _) => Encoding.UTF8;

        using var response = await SendAsync(HttpMethod.Post, $"{Emulator.ApiBaseUrl}/api/v4/integration/projects/{DitioEmulator.SampleProjectId}/documents", await TokenAsync(), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, Assert.Single(Emulator.GetDocuments()).Name);
        Assert.Equal([("file", (string?)name)], Emulator.Journal.Last().Parts);
    }

    [Fact]
    public async Task Delete_Twice_SecondIs404()
    {
        var uploaded = await _sdk.Client.UploadFileAsync(_sdk.Project, _files.Write("a.pdf", 10));
        var id = uploaded.Files[0].FileReferenceId!;

        await _sdk.Client.DeleteAsync(_sdk.Project, id);
        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.DeleteAsync(_sdk.Project, id));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Empty(Directory.GetFiles(Emulator.StorageFolder));
    }

    [Fact]
    public async Task WorkOrderRoute_SeesOnlyWhatWasUploadedThroughIt()
    {
        var viaProject = await _sdk.Client.UploadFileAsync(_sdk.Project, _files.Write("project.pdf", 10));
        await _sdk.Client.UploadFileAsync(_sdk.WorkOrder, _files.Write("work-order.pdf", 10));

        var workOrderPages = await _sdk.Client.GetPagesAsync(_sdk.WorkOrder);
        var projectPages = await _sdk.Client.GetPagesAsync(_sdk.Project);
        var hidden = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.DownloadAsync(_sdk.WorkOrder, viaProject.Files[0].FileReferenceId!));

        Assert.Equal(["work-order.pdf"], workOrderPages.SelectMany(p => p.Files).Select(f => f.Name));
        Assert.Equal(2, projectPages.Count);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Dispose_DeletesTheStorageFolder()
    {
        var emulator = await DitioEmulator.StartAsync();
        var folder = emulator.StorageFolder;
        Assert.True(Directory.Exists(folder));

        await emulator.DisposeAsync();

        Assert.False(Directory.Exists(folder));
    }

    private Task<string> TokenAsync() => TokenAsync(Emulator);

    private async Task<string> TokenAsync(DitioEmulator emulator)
    {
        using var response = await _http.PostAsync($"{emulator.IdentityBaseUrl}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = emulator.ClientId,
            ["client_secret"] = emulator.ClientSecret,
            ["scope"] = "ditioapiv3",
        }));
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _http.SendAsync(request);
    }

    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
