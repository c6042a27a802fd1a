using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Ditio.Documents.Benchmarks.Shared;

namespace Ditio.Documents.Benchmarks.Transfer;

/// <summary>
/// One large upload or download, timed from the call to the last byte (uploads: to the parsed answer), by the SDK or
/// by a raw <see cref="HttpClient"/> with a <see cref="StreamContent"/> in a <see cref="MultipartFormDataContent"/>.
/// Both read the same synthetic bytes and talk to the same sink. Returns MB/s (10^6 bytes per second).
/// </summary>
internal sealed class ThroughputRuns(IDitioDocumentsClient sdk, HttpClient raw)
{
    private const string DocumentsRoute = "core/api/v4/integration/projects/p1/documents";
    private static readonly DocumentTarget Target = DocumentTarget.Project("p1");

    public async Task<double> SdkUploadAsync(long size)
    {
        using var file = new SyntheticStream(size);
        var started = Stopwatch.GetTimestamp();
        var result = await sdk.UploadAsync(Target, [DocumentUploadFile.FromStream(file, "upload.pdf")]);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Check(result.Files.Count == 1 && result.Files[0].FileReferenceId is not null, "SDK upload: no document in the answer");
        return size / elapsed.TotalSeconds / 1e6;
    }

    public async Task<double> RawUploadAsync(long size)
    {
        var started = Stopwatch.GetTimestamp();
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(new SyntheticStream(size));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "file", "upload.pdf");
        using var response = await raw.PostAsync(DocumentsRoute, content);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var answer = await JsonDocument.ParseAsync(body);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Check(answer.RootElement.GetProperty("files").GetArrayLength() == 1, "raw upload: no document in the answer");
        return size / elapsed.TotalSeconds / 1e6;
    }

    public async Task<double> SdkDownloadAsync(long size)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var download = await sdk.DownloadAsync(Target, FileIdFor(size)))
        {
            // The SDK's stream itself fails if fewer bytes arrive than Content-Length announced.
            await download.Content.CopyToAsync(Stream.Null);
            Check(download.ContentLength == size, "SDK download: wrong length");
        }

        return size / Stopwatch.GetElapsedTime(started).TotalSeconds / 1e6;
    }

    public async Task<double> RawDownloadAsync(long size)
    {
        var started = Stopwatch.GetTimestamp();
        using (var response = await raw.GetAsync($"{DocumentsRoute}/{FileIdFor(size)}", HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
            Check(response.Content.Headers.ContentLength == size, "raw download: wrong length");
        }

        return size / Stopwatch.GetElapsedTime(started).TotalSeconds / 1e6;
    }

    /// <summary>The sink serves as many bytes as the digits of the id say.</summary>
    private static string FileIdFor(long size) => "file-" + size.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
