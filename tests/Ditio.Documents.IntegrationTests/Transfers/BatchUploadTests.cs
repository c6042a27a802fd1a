using System.Net;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Transfers;

public sealed class BatchUploadTests : IDisposable
{
    private const long Limit = 300_000;
    private readonly TestFiles _files = new();

    [Fact]
    public async Task UploadManyAsync_SplitsIntoRequestsUnderTheLimitAndStoresEveryFileOnce()
    {
        await using var sdk = await StartAsync(parallel: 4);
        var paths = Enumerable.Range(0, 10).Select(i => _files.Write($"photo-{i:00}.jpg", 70_000, seed: i)).ToList();

        var result = await sdk.Client.UploadManyAsync(sdk.Project, paths.Select(p => DocumentUploadFile.FromPath(p)), new() { Section = "Photos" });

        Assert.True(result.AllUploaded);
        Assert.Equal(3, result.RequestCount); // 4 + 4 + 2 files of 70,000 bytes under 300,000
        var posts = sdk.Emulator.Journal.Where(r => r.Method == "POST" && r.Path.EndsWith("/documents", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, posts.Count);
        Assert.Equal(10, posts.Sum(p => p.Parts.Count));
        var stored = sdk.Emulator.GetDocuments(DitioEmulator.SampleProjectId);
        Assert.Equal(paths.Select(Path.GetFileName).Order(), stored.Select(d => d.Name).Order());
        Assert.All(paths, p => Assert.Equal(TestFiles.Sha256(p), stored.Single(d => d.Name == Path.GetFileName(p)).Sha256));
        Assert.Equal(stored.Select(d => d.FileReferenceId).Order(), result.Outcomes.Select(o => o.FileReferenceId).Order());
    }

    [Fact]
    public async Task UploadManyAsync_OneBatchFailsAndSomeFilesBreakRules_ReportsEachFileAndSendsTheRest()
    {
        await using var sdk = await StartAsync(parallel: 1);
        sdk.Emulator.Faults.FailNext(1, "POST", "/documents", 503);
        var first = Enumerable.Range(0, 4).Select(i => _files.Write($"a{i}.pdf", 70_000, seed: i)).ToList();
        var refused = _files.Write("installer.exe", 10);
        var tooLarge = _files.Write("huge.pdf", (int)Limit);
        var rest = Enumerable.Range(0, 2).Select(i => _files.Write($"b{i}.pdf", 70_000, seed: 10 + i)).ToList();
        var all = first.Append(refused).Append(tooLarge).Concat(rest).Select(p => DocumentUploadFile.FromPath(p)).ToList();

        var result = await sdk.Client.UploadManyAsync(sdk.Project, all);

        Assert.Equal(2, result.RequestCount);
        Assert.All(result.Outcomes.Take(4), o => Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<DitioApiException>(o.Error).StatusCode));
        Assert.Contains("which Ditio refuses", Assert.IsType<ArgumentException>(result.Outcomes[4].Error).Message, StringComparison.Ordinal);
        Assert.Contains("'huge.pdf' is 300000 bytes", Assert.IsType<ArgumentException>(result.Outcomes[5].Error).Message, StringComparison.Ordinal);
        Assert.All(result.Outcomes.Skip(6), o => Assert.Equal(DocumentUploadStatus.Uploaded, o.Status));
        Assert.Equal(["b0.pdf", "b1.pdf"], sdk.Emulator.GetDocuments().Select(d => d.Name).Order());
        Assert.Equal(2, sdk.Emulator.Journal.Count(r => r.Method == "POST" && r.Path.EndsWith("/documents", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UploadManyAsync_Progress_EndsAtTheTotalAndReportsAtMostOncePer64KbPerFile()
    {
        await using var sdk = await StartAsync(parallel: 2);
        var sizes = new[] { 200_000, 150_001, 1, 65_536 };
        var paths = sizes.Select((s, i) => _files.Write($"f{i}.pdf", s, seed: i)).ToList();
        var reports = new List<DocumentTransferProgress>();
        var progress = new SynchronousProgress(reports);

        var result = await sdk.Client.UploadManyAsync(sdk.Project, paths.Select(p => DocumentUploadFile.FromPath(p)), new() { Progress = progress });

        Assert.True(result.AllUploaded);
        long total = sizes.Sum();
        Assert.All(reports, r => Assert.Equal(total, r.TotalBytes));
        Assert.Equal(total, reports.Max(r => r.BytesTransferred));
        foreach (var (size, i) in sizes.Select((s, i) => (s, i)))
        {
            var ofFile = reports.Where(r => r.FileName == $"f{i}.pdf").ToList();
            Assert.Equal(size, ofFile[^1].FileBytesTransferred);
            Assert.Equal(ofFile.Select(r => r.FileBytesTransferred).Order(), ofFile.Select(r => r.FileBytesTransferred));
            Assert.InRange(ofFile.Count, 1, (size / (64 * 1024)) + 1);
        }
    }

    [Fact]
    public async Task UploadAsync_FilesTooLargeForOneRequest_IsRefusedBeforeSendingAndPointsToUploadMany()
    {
        await using var sdk = await StartAsync(parallel: 1);
        var files = Enumerable.Range(0, 5).Select(i => DocumentUploadFile.FromPath(_files.Write($"f{i}.pdf", 70_000, seed: i))).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sdk.Client.UploadAsync(sdk.Project, files));

        Assert.Equal("files", error.ParamName);
        Assert.Contains("UploadManyAsync", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sdk.Emulator.Journal, r => r.Path.EndsWith("/documents", StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();

    private static Task<EmulatorSdk> StartAsync(int parallel) => EmulatorSdk.StartAsync(
        o =>
        {
            o.Transfers.MaxRequestBytes = Limit;
            o.Transfers.MaxParallelRequests = parallel;
        },
        e => e.MaxRequestBytes = Limit);

    /// <summary>Records reports as they are made (Progress&lt;T&gt; would post them later, on the thread pool).</summary>
    private sealed class SynchronousProgress(List<DocumentTransferProgress> reports) : IProgress<DocumentTransferProgress>
    {
        public void Report(DocumentTransferProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
