using System.Security.Cryptography;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Documents;

public sealed class DownloadIntegrityTests : IDisposable
{
    private readonly DitioWireMock _identity = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("ditio-download-").FullName;
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);
    private readonly byte[] _bytes = RandomNumberGenerator.GetBytes(300_000);

    [Fact]
    public async Task DownloadAsync_ContentLengthAndRawUtf8FileName_AreReported()
    {
        await using var api = new RawHttpServer(async (_, stream, ct) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, _bytes.Length,
                ("Content-Type", "application/octet-stream"),
                ("Content-Disposition", "attachment; filename=\"Tegning-Ø1 (rev B) «Fjellhall».pdf\""));
            await stream.WriteAsync(_bytes, ct);
        });
        using var sdk = Sdk(api);

        await using var download = await sdk.Client.DownloadAsync(_project, "f1");
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);

        Assert.Equal(_bytes.Length, download.ContentLength);
        Assert.Equal("Tegning-Ø1 (rev B) «Fjellhall».pdf", download.FileName);
        Assert.Equal(_bytes, copy.ToArray());
        Assert.Equal($"GET /core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents/f1 HTTP/1.1", Assert.Single(api.Requests).RequestLine);
    }

    [Fact]
    public async Task DownloadToFileAsync_ConnectionDroppedMidBody_LeavesNoFileAndReportsTheShortfall()
    {
        await using var api = new RawHttpServer(async (_, stream, ct) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, _bytes.Length, ("Content-Type", "application/octet-stream"));
            await stream.WriteAsync(_bytes.AsMemory(0, 100_000), ct);
        });
        using var sdk = Sdk(api);
        var destination = Path.Combine(_folder, "drawing.pdf");

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.DownloadToFileAsync(_project, "f1", destination));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task DownloadToFileAsync_ExistingFileAndInterruptedDownload_KeepsTheOldFileIntact()
    {
        var destination = Path.Combine(_folder, "drawing.pdf");
        await File.WriteAllTextAsync(destination, "previous version");
        await using var api = new RawHttpServer(async (_, stream, ct) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, _bytes.Length);
            await stream.WriteAsync(_bytes.AsMemory(0, 10), ct);
        });
        using var sdk = Sdk(api);

        await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.DownloadToFileAsync(_project, "f1", destination));

        Assert.Equal("previous version", await File.ReadAllTextAsync(destination));
        Assert.Equal([destination], Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task DownloadToFileAsync_CancelledMidBody_ThrowsOperationCanceledAndLeavesNoFile()
    {
        using var cancel = new CancellationTokenSource();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = new RawHttpServer(async (_, stream, ct) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, _bytes.Length);
            await stream.WriteAsync(_bytes.AsMemory(0, 1000), ct);
            await stream.FlushAsync(ct);
            await cancel.CancelAsync();
            await release.Task.WaitAsync(ct);
        });
        using var sdk = Sdk(api);
        var destination = Path.Combine(_folder, "drawing.pdf");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sdk.Client.DownloadToFileAsync(_project, "f1", destination, cancellationToken: cancel.Token));

        release.SetResult();
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task DownloadToFileAsync_Complete_ReplacesTheExistingFile()
    {
        var destination = Path.Combine(_folder, "drawing.pdf");
        await File.WriteAllTextAsync(destination, "previous version");
        await using var api = new RawHttpServer(async (_, stream, ct) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, _bytes.Length, ("Content-Disposition", "attachment; filename*=UTF-8''Ny%20tegning.pdf"));
            await stream.WriteAsync(_bytes, ct);
        });
        using var sdk = Sdk(api);

        var result = await sdk.Client.DownloadToFileAsync(_project, "f1", destination);

        Assert.Equal(_bytes, await File.ReadAllBytesAsync(destination));
        Assert.Equal(("Ny tegning.pdf", (long)_bytes.Length, destination), (result.FileName, result.Length, result.Path));
        Assert.Equal([destination], Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task DownloadAsync_404_IsNotFoundErrorWithDitioMessage()
    {
        await using var api = new RawHttpServer((_, stream, _) =>
            RawHttpServer.WriteJsonAsync(stream, 404, """{"error":"NotFound","message":"Dokumentet finnes ikke på prosjektet"}"""));
        using var sdk = Sdk(api);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.DownloadAsync(_project, "f1"));

        Assert.True(error.IsNotFound);
        Assert.Equal(("NotFound", "Dokumentet finnes ikke på prosjektet"), (error.ErrorCode, error.ErrorMessage));
        Assert.Equal($"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents/f1", error.RequestPath);
    }

    public void Dispose()
    {
        _identity.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private TestClient Sdk(RawHttpServer api) => new(_identity, o => o.ApiBaseUrl = new Uri(api.BaseUri, "/core"));
}
