using System.Diagnostics;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Transfers;

/// <summary>
/// Transfers against a throttled emulator: slow but moving succeeds, silent fails as stalled, and cancelling mid-way
/// returns promptly, releases the file and leaves nothing half-written. Sizes and rates are scaled down from the
/// 25 MiB at 200 KB/s of a site connection so the suite stays fast; the stall timeout and the socket send buffer
/// (which hides bytes from the SDK until they drain) are scaled with them.
/// </summary>
public sealed class StallAndCancelTests : IDisposable
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);
    private readonly TestFiles _files = new();

    [Fact]
    public async Task UploadAsync_SlowButMoving_SucceedsLongAfterTheStallTimeout()
    {
        await using var sdk = await StartAsync();
        sdk.Emulator.Faults.ThrottleBytesPerSecond = 600_000;
        var path = _files.Write("slow.pdf", 2_400_000);
        var clock = Stopwatch.StartNew();

        var result = await sdk.Client.UploadFileAsync(sdk.Project, path);

        Assert.True(clock.Elapsed > 1.5 * Stall, $"the upload should have taken well over the stall timeout, took {clock.Elapsed}");
        Assert.Equal(TestFiles.Sha256(path), Assert.Single(sdk.Emulator.GetDocuments()).Sha256);
        Assert.Equal(2_400_000, result.Files[0].Size);
    }

    [Fact]
    public async Task DownloadToFileAsync_SlowButMoving_Succeeds()
    {
        await using var sdk = await StartAsync();
        var path = _files.Write("slow.pdf", 1_000_000);
        var id = (await sdk.Client.UploadFileAsync(sdk.Project, path)).Files[0].FileReferenceId!;
        sdk.Emulator.Faults.ThrottleBytesPerSecond = 400_000;
        var destination = Path.Combine(_files.Folder, "copy.pdf");

        await sdk.Client.DownloadToFileAsync(sdk.Project, id, destination);

        Assert.Equal(TestFiles.Sha256(path), TestFiles.Sha256(destination));
    }

    [Fact]
    public async Task UploadAsync_ServerGoesSilent_FailsAsStalledAndStoresNothing()
    {
        await using var sdk = await StartAsync();
        sdk.Emulator.Faults.ResponseDelay = TimeSpan.FromMinutes(5);
        var path = _files.Write("silent.pdf", 100_000);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.UploadFileAsync(sdk.Project, path)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DitioFailureKind.Timeout, error.Kind);
        Assert.Contains("stalled", error.Message, StringComparison.Ordinal);
        Assert.Empty(sdk.Emulator.GetDocuments());
    }

    [Fact]
    public async Task UploadAsync_CancelledMidTransfer_ReturnsPromptlyAndReleasesTheFile()
    {
        await using var sdk = await StartAsync(stall: TimeSpan.FromMinutes(1));
        sdk.Emulator.Faults.ThrottleBytesPerSecond = 200_000;
        var path = _files.Write("big.pdf", 5_000_000);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(cancel, bytes: 200_000);
        var clock = new Stopwatch();
        progress.Cancelled += clock.Start;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sdk.Client.UploadFileAsync(sdk.Project, path, new() { Progress = progress }, cancel.Token)).WaitAsync(TimeSpan.FromSeconds(30));

        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"cancelling took {clock.Elapsed}");
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            // Opened exclusively: the SDK let go of the file.
        }

        File.Delete(path);
        Assert.Empty(sdk.Emulator.GetDocuments());
    }

    [Fact]
    public async Task DownloadToFileAsync_CancelledMidTransfer_LeavesNoFileBehind()
    {
        await using var sdk = await StartAsync(stall: TimeSpan.FromMinutes(1));
        var id = (await sdk.Client.UploadFileAsync(sdk.Project, _files.Write("big.pdf", 3_000_000))).Files[0].FileReferenceId!;
        sdk.Emulator.Faults.ThrottleBytesPerSecond = 300_000;
        var folder = Directory.CreateDirectory(Path.Combine(_files.Folder, "out")).FullName;
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sdk.Client.DownloadToFileAsync(
            sdk.Project, id, Path.Combine(folder, "big.pdf"), new CancelAfter(cancel, bytes: 300_000), cancel.Token)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task DownloadToFileAsync_ConnectionDroppedMidBody_StartsOverCleanly()
    {
        await using var sdk = await StartAsync();
        var path = _files.Write("doc.pdf", 2_000_000);
        var id = (await sdk.Client.UploadFileAsync(sdk.Project, path)).Files[0].FileReferenceId!;
        sdk.Emulator.Faults.DropNext(1, "GET", $"/documents/{id}", EmulatorFaultKind.DropAfterProcessing);
        var destination = Path.Combine(_files.Folder, "copy.pdf");

        await sdk.Client.DownloadToFileAsync(sdk.Project, id, destination);

        Assert.Equal(TestFiles.Sha256(path), TestFiles.Sha256(destination));
        Assert.Equal(2, sdk.Emulator.Journal.Count(r => r.Method == "GET" && r.Path.EndsWith(id, StringComparison.Ordinal)));
        Assert.Equal(["copy.pdf", "doc.pdf"], Directory.GetFiles(_files.Folder).Select(Path.GetFileName).Order());
    }

    public void Dispose() => _files.Dispose();

    /// <summary>Starts the emulator and a client whose token is already cached, as in the middle of a sync.</summary>
    private static async Task<EmulatorSdk> StartAsync(TimeSpan? stall = null)
    {
        var sdk = await EmulatorSdk.StartAsync(o =>
        {
            o.Transfers.StallTimeout = stall ?? Stall;
            o.Transfers.SocketSendBufferBytes = 16 * 1024;
        });
        await sdk.Client.GetProjectsAsync();
        return sdk;
    }

    /// <summary>Cancels once the transfer has moved a given number of bytes.</summary>
    private sealed class CancelAfter(CancellationTokenSource cancel, long bytes) : IProgress<DocumentTransferProgress>
    {
        public event Action? Cancelled;

        public void Report(DocumentTransferProgress value)
        {
            if (value.BytesTransferred >= bytes && !cancel.IsCancellationRequested)
            {
                Cancelled?.Invoke();
                cancel.Cancel();
            }
        }
    }
}
