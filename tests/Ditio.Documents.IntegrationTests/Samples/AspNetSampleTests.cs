using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Samples;

/// <summary>The ASP.NET Core sample, run for real on loopback against the emulator and called over HTTP.</summary>
public sealed class AspNetSampleTests
{
    private const string NorwegianName = "Tegning-Ø1 (rev B) «Fjellhall».pdf";
    private const string SampleProjectUploads = $"/core/api/v4/integration/projects/{DitioEmulator.SampleProjectId}/documents";

    [Fact]
    public async Task Upload_TwoFiles_ForwardsEachToTheSection_WithNamesSizesAndContentIntact()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        var plan = Bytes(1_000_000, seed: 1);
        var drawing = Bytes(1_048_583, seed: 2);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("a form field, not a file: skipped"), "comment");
        form.Add(File(plan, "application/pdf"), "file", "Plan.pdf");
        form.Add(File(drawing, "application/pdf"), "file", NorwegianName); // filename* (RFC 5987) and a MIME-encoded filename

        using var response = await host.Http.PostAsync(UploadUrl(DitioEmulator.SampleProjectNumber, "?section=Drawings"), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(DitioEmulator.SampleProjectId, body.GetProperty("projectId").GetString());
        Assert.Equal("Drawings", body.GetProperty("section").GetString());
        Assert.Equal($"int-projdocs:{DitioEmulator.SampleProjectId}:drawings", body.GetProperty("pageExternalId").GetString());
        var files = body.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["Plan.pdf", NorwegianName], files.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal([1_000_000L, 1_048_583L], files.Select(f => f.GetProperty("size").GetInt64()));

        var stored = host.Emulator.GetDocuments(DitioEmulator.SampleProjectId);
        Assert.Equal(files.Select(f => f.GetProperty("fileReferenceId").GetString()).Order(), stored.Select(d => d.FileReferenceId).Order());
        var storedPlan = stored.Single(d => d.Name == "Plan.pdf");
        var storedDrawing = stored.Single(d => d.Name == NorwegianName);
        Assert.Equal((1_000_000L, TestFiles.Sha256(plan), "Drawings", "application/pdf"), (storedPlan.Size, storedPlan.Sha256, storedPlan.Section, storedPlan.ContentType));
        Assert.Equal((1_048_583L, TestFiles.Sha256(drawing), "Drawings"), (storedDrawing.Size, storedDrawing.Sha256, storedDrawing.Section));

        // One SDK upload per incoming file part, each with exactly that file.
        var uploads = host.Emulator.Journal.Where(r => r.Method == "POST" && r.Path == SampleProjectUploads).ToList();
        Assert.Equal([[("file", "Plan.pdf")], [("file", (string?)NorwegianName)]], uploads.Select(u => u.Parts));
        Assert.All(uploads, u => Assert.Equal("?section=Drawings", u.Query));
    }

    [Fact]
    public async Task Upload_FileNameAsBrowsersSendIt_RawUtf8WithoutFilenameStar_ArrivesIntact()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        const string name = "Snitt-Å2 «Tunnel» æøå.pdf";
        var bytes = Bytes(30_000, seed: 3);
        using var form = new MultipartFormDataContent { HeaderEncodingSelector = static (_, _) => Encoding.UTF8 };
        var part = File(bytes, "application/pdf");
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{name}\"");
        form.Add(part);

        using var response = await host.Http.PostAsync(UploadUrl(DitioEmulator.SampleProjectNumber, ""), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(host.Emulator.GetDocuments(DitioEmulator.SampleProjectId));
        Assert.Equal((name, "Documents", TestFiles.Sha256(bytes)), (stored.Name, stored.Section, stored.Sha256));
    }

    [Fact]
    public async Task Upload_WithReplace_ReplacesTheNamesakeInsteadOfDoublingIt()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        foreach (var seed in new[] { 4, 5 })
        {
            using var form = new MultipartFormDataContent { { File(Bytes(20_000, seed), "application/pdf"), "file", "Plan.pdf" } };
            using var response = await host.Http.PostAsync(UploadUrl(DitioEmulator.SampleProjectNumber, "?section=Drawings&replace=true"), form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stored = Assert.Single(host.Emulator.GetDocuments(DitioEmulator.SampleProjectId));
        Assert.Equal(TestFiles.Sha256(Bytes(20_000, seed: 5)), stored.Sha256);
        Assert.All(
            host.Emulator.Journal.Where(r => r.Method == "POST" && r.Path == SampleProjectUploads),
            r => Assert.Equal("?section=Drawings&replaceExistingFilesWithSameName=true", r.Query));
    }

    [Fact]
    public async Task Pages_ListsTheProjectsSectionsAndFiles()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        using (var form = new MultipartFormDataContent
        {
            { File(Bytes(10_000, 6), "application/pdf"), "file", "Plan.pdf" },
            { File(Bytes(10_000, 7), "application/pdf"), "file", NorwegianName },
        })
        {
            using var upload = await host.Http.PostAsync(UploadUrl(DitioEmulator.SampleProjectNumber, "?section=Drawings"), form);
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using var response = await host.Http.GetAsync(PagesUrl(DitioEmulator.SampleProjectNumber));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("Drawings", page.GetProperty("section").GetString());
        Assert.Equal($"int-projdocs:{DitioEmulator.SampleProjectId}:drawings", page.GetProperty("pageExternalId").GetString());
        var stored = host.Emulator.GetDocuments(DitioEmulator.SampleProjectId);
        Assert.Equal(
            stored.Select(d => (d.FileReferenceId, d.Name)).Order(),
            page.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("fileReferenceId").GetString()!, f.GetProperty("name").GetString()!)).Order());
    }

    [Fact]
    public async Task UnknownProject_Answers404_ForUploadAndPages_AndStoresNothing()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        using var form = new MultipartFormDataContent { { File(Bytes(1_000, 8), "application/pdf"), "file", "Plan.pdf" } };

        using var upload = await host.Http.PostAsync(UploadUrl("P-0000-404", "?section=Drawings"), form);
        using var pages = await host.Http.GetAsync(PagesUrl("P-0000-404"));

        await AssertProblemAsync(upload, HttpStatusCode.NotFound, "Unknown project");
        await AssertProblemAsync(pages, HttpStatusCode.NotFound, "Unknown project");
        Assert.Empty(host.Emulator.GetDocuments());
        Assert.DoesNotContain(host.Emulator.Journal, r => r.Method == "POST" && r.Path.EndsWith("/documents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_NotMultipart_Answers400_WithoutCallingDitio()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        using var content = new StringContent("""{"file":"Plan.pdf"}""", Encoding.UTF8, "application/json");

        using var response = await host.Http.PostAsync(UploadUrl(DitioEmulator.SampleProjectNumber, ""), content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Not a multipart/form-data request");
        Assert.Empty(host.Emulator.Journal);
    }

    [Fact]
    public async Task Upload_WithoutFileParts_Answers400_AndStoresNothing()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent("no file here"), "comment" } };

        using var response = await host.Http.PostAsync(UploadUrl(DitioEmulator.SampleProjectNumber, ""), form);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "No files");
        Assert.Empty(host.Emulator.GetDocuments());
    }

    [Fact]
    public async Task Upload_WhenDitioAnswers503_AnswersAGenericProblem_WithoutDitiosWords_WithoutRetrying()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        host.Emulator.Faults.FailNext(1, "POST", "/documents", 503);
        using var form = new MultipartFormDataContent { { File(Bytes(50_000, 9), "application/pdf"), "file", "Plan.pdf" } };

        using var response = await host.Http.PostAsync(UploadUrl(DitioEmulator.SampleProjectNumber, "?section=Drawings"), form);

        // A server error of Ditio's is not the caller's to fix, and what a server sent back is not passed on.
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadGateway, "Ditio could not complete the request");
        Assert.DoesNotContain("Injected fault", problem.GetRawText(), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("ditioErrorMessage", out _));
        var upload = Assert.Single(host.Emulator.Journal, r => r.Method == "POST" && r.Path == SampleProjectUploads);
        Assert.Equal(("status 503", 503), (upload.Fault, upload.StatusCode));
        Assert.Empty(host.Emulator.GetDocuments());
    }

    [Fact]
    public async Task WrongCredentials_Answer502_NamingTheAuthenticationFailure_NeverTheSecret()
    {
        await using var host = await AspNetSampleHost.StartAsync(settings => settings["Ditio:ClientSecret"] = "not-the-secret");

        using var response = await host.Http.GetAsync(PagesUrl(DitioEmulator.SampleProjectNumber));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadGateway, "Could not authenticate with Ditio");
        Assert.Equal("invalid_client", problem.GetProperty("oauthError").GetString());
        Assert.DoesNotContain("not-the-secret", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectNumberThatNeedsEscaping_IsFound_ForUploadAndPages()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        using var form = new MultipartFormDataContent { { File(Bytes(5_000, 10), "application/pdf"), "file", NorwegianName } };

        using var upload = await host.Http.PostAsync(UploadUrl(DitioEmulator.SampleAwkwardProjectNumber, "?section=Tegninger Øst"), form);
        using var pages = await host.Http.GetAsync(PagesUrl(DitioEmulator.SampleAwkwardProjectNumber));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var body = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(DitioEmulator.SampleAwkwardProjectNumber, body.GetProperty("projectNumber").GetString());
        var projectId = body.GetProperty("projectId").GetString()!;
        var stored = Assert.Single(host.Emulator.GetDocuments(projectId));
        Assert.Equal((NorwegianName, "Tegninger Øst"), (stored.Name, stored.Section));
        Assert.Equal(HttpStatusCode.OK, pages.StatusCode);
        var page = Assert.Single((await pages.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("Tegninger Øst", page.GetProperty("section").GetString());
    }

    /// <summary>
    /// Proves the forwarding is streamed: the client sends the first 8 MB of a 20 MB file and then holds the rest
    /// back until the sample has written 4 MB to Ditio. A sample that buffered the request (ReadFormAsync, IFormFile)
    /// would send nothing before the whole body arrived, and the wait would fail. The SDK's request is chunked (no
    /// length is known for a forward-only stream) and the emulator stores the file byte for byte.
    /// </summary>
    [Fact]
    public async Task Upload_OfTwentyMegabytes_IsForwardedToDitioWhileStillArriving_Chunked_AndIntact()
    {
        await using var host = await AspNetSampleHost.StartAsync();
        var bytes = Bytes(20 * 1024 * 1024, seed: 11);
        using var content = new HeldBackUpload(bytes, "Modell.ifc", heldBackFrom: 8 * 1024 * 1024);

        var sending = host.Http.PostAsync(UploadUrl(DitioEmulator.SampleProjectNumber, "?section=Modeller"), content);
        try
        {
            await host.Transport.WhenSentAsync(4 * 1024 * 1024).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The sample wrote only {host.Transport.BytesSent} bytes to Ditio while the client held back the end of the file: it buffers uploads.");
        }

        Assert.False(content.Finished, "The client must not have sent the whole file yet.");
        content.Release();
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(host.Emulator.GetDocuments(DitioEmulator.SampleProjectId));
        Assert.Equal(("Modell.ifc", (long)bytes.Length, TestFiles.Sha256(bytes), "application/x-step"), (stored.Name, stored.Size, stored.Sha256, stored.ContentType));
        var head = Assert.Single(host.Transport.RequestHeads, h => h.StartsWith($"POST {SampleProjectUploads}", StringComparison.Ordinal));
        Assert.Contains("Transfer-Encoding: chunked", head, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Content-Length", head, StringComparison.OrdinalIgnoreCase);
    }

    private static string UploadUrl(string projectNumber, string query) => $"/projects/{Uri.EscapeDataString(projectNumber)}/documents{query}";

    private static string PagesUrl(string projectNumber) => $"/projects/{Uri.EscapeDataString(projectNumber)}/pages";

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static ByteArrayContent File(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        return problem;
    }

    /// <summary>A one-file multipart body, sent chunked, that stops after <c>heldBackFrom</c> bytes of the file until released.</summary>
    private sealed class HeldBackUpload : HttpContent
    {
        private const string Boundary = "sample-test-boundary";
        private readonly byte[] _file;
        private readonly string _fileName;
        private readonly int _heldBackFrom;
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBackUpload(byte[] file, string fileName, int heldBackFrom)
        {
            _file = file;
            _fileName = fileName;
            _heldBackFrom = heldBackFrom;
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        public bool Finished { get; private set; }

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var head = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{_fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(_file.AsMemory(0, _heldBackFrom));
            await stream.FlushAsync();
            await _release.Task;
            await stream.WriteAsync(_file.AsMemory(_heldBackFrom));
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
            Finished = true;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
