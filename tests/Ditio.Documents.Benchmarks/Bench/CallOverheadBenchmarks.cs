using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ditio.Documents.Benchmarks.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ditio.Documents.Benchmarks.Bench;

/// <summary>
/// Per-call cost of the SDK (the whole <c>AddDitioDocuments()</c> pipeline: Refit, resilience, logging and token
/// handlers, the SDK's JSON and checks) against a raw <see cref="HttpClient"/> with System.Text.Json, both over the same
/// canned handler, so the transport costs nothing and only the client's own work is left. The token is fetched in setup.
/// </summary>
[Config(typeof(BenchConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CallOverheadBenchmarks
{
    private const string DocumentsRoute = "api/v4/integration/projects/p1/documents";
    private static readonly Uri Server = new("https://ditio.bench.invalid/");
    private static readonly DocumentTarget Target = DocumentTarget.Project("p1");
    private readonly CannedDitioHandler _handler = new();
    private readonly byte[] _file = new byte[CannedDitioHandler.DocumentBytes];
    private ServiceProvider _services = null!;
    private IDitioDocumentsClient _sdk = null!;
    private HttpClient _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(3).NextBytes(_file);
        _services = SdkClients.Build(Server, _handler);
        _sdk = _services.GetRequiredService<IDitioDocumentsClient>();
        _raw = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri(Server, "core/") };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench-token");

        // Token cached, JSON contracts built, every path JIT-compiled once before measuring.
        Task.WhenAll(SdkList(), SdkDownload(), SdkUpload(), RawList(), RawDownload(), RawUpload()).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("list")]
    public async Task<int> RawList()
    {
        var pages = await _raw.GetFromJsonAsync<List<RawPage>>(DocumentsRoute, RawJson.Options);
        return pages!.Count;
    }

    [Benchmark]
    [BenchmarkCategory("list")]
    public async Task<int> SdkList()
    {
        var pages = await _sdk.GetPagesAsync(Target);
        return pages.Count;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("download 4 KB")]
    public async Task<long> RawDownload()
    {
        using var response = await _raw.GetAsync($"{DocumentsRoute}/6650a1f0c1d2e3f4a5b6c709", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        await stream.CopyToAsync(Stream.Null);
        return response.Content.Headers.ContentLength ?? 0;
    }

    [Benchmark]
    [BenchmarkCategory("download 4 KB")]
    public async Task<long> SdkDownload()
    {
        await using var download = await _sdk.DownloadAsync(Target, "6650a1f0c1d2e3f4a5b6c709");
        await download.Content.CopyToAsync(Stream.Null);
        return download.ContentLength ?? 0;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("upload 4 KB")]
    public async Task<string> RawUpload()
    {
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(new MemoryStream(_file, writable: false));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "file", "bench.pdf");
        using var response = await _raw.PostAsync(DocumentsRoute, content);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<RawUploadResult>(RawJson.Options);
        return result!.Files[0].FileReference!.Id;
    }

    [Benchmark]
    [BenchmarkCategory("upload 4 KB")]
    public async Task<string> SdkUpload()
    {
        using var file = new MemoryStream(_file, writable: false);
        var result = await _sdk.UploadAsync(Target, [DocumentUploadFile.FromStream(file, "bench.pdf")]);
        return result.Files[0].FileReferenceId!;
    }
}
