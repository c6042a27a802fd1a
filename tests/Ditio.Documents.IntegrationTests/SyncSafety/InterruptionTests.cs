using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rule 14: a sync interrupted at any point and run again ends with every file present once.</summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly TestFiles _files = new();

    public static TheoryData<int, EmulatorFaultKind> Points => new()
    {
        { 0, EmulatorFaultKind.DropBeforeBody },
        { 1, EmulatorFaultKind.DropAfterBody },
        { 2, EmulatorFaultKind.DropAfterProcessing },
        { 0, EmulatorFaultKind.DropAfterProcessing },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public async Task ConnectionLostAtABatch_RerunEndsWithEveryFileOnce_AndItsOwnBytes(int batch, EmulatorFaultKind kind)
    {
        await using var sdk = await EmulatorSdk.StartAsync(o =>
        {
            o.Transfers.MaxFilesPerRequest = 3;
            o.Transfers.MaxParallelRequests = 1;
            o.Retry.MaxRetryAttempts = 0;
        });
        sdk.Emulator.Faults.ReverseUploadAnswers = true;
        for (var i = 0; i < 9; i++)
        {
            _files.Write($"f{i}.pdf", 300 + i, seed: i);
        }

        var interrupted = await sdk.Client.SyncFolderAsync(_files.Folder, sdk.Project, new() { Progress = new FaultAfter(sdk.Emulator, batch, kind) });
        var rerun = await sdk.Client.SyncFolderAsync(_files.Folder, sdk.Project, new() { DeleteRemoved = true });
        var last = await sdk.Client.SyncFolderAsync(_files.Folder, sdk.Project, new() { DeleteRemoved = true });

        Assert.Equal(3, interrupted.Failed);
        Assert.Equal(0, rerun.Failed + rerun.Conflicts);
        var stored = sdk.Emulator.GetDocuments();
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"f{i}.pdf"), stored.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.All(stored, d => Assert.Equal(TestFiles.Sha256(Path.Combine(_files.Folder, d.Name)), d.Sha256));
        Assert.Equal(9, last.Unchanged);
    }

    [Fact]
    public async Task CancelledWhileABatchIsInFlight_RerunEndsWithEveryFileOnce()
    {
        await using var sdk = await EmulatorSdk.StartAsync(o =>
        {
            o.Transfers.MaxFilesPerRequest = 2;
            o.Transfers.MaxParallelRequests = 1;
        });
        for (var i = 0; i < 6; i++)
        {
            _files.Write($"f{i}.pdf", 300, seed: i);
        }

        using var cancel = new CancellationTokenSource();
        var progress = new SignalOnSecondFile(cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sdk.Client.SyncFolderAsync(_files.Folder, sdk.Project, new() { Progress = progress }, cancel.Token));
        var rerun = await sdk.Client.SyncFolderAsync(_files.Folder, sdk.Project);

        Assert.Equal(0, rerun.Failed + rerun.Conflicts);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"f{i}.pdf"), sdk.Emulator.GetDocuments().Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>Arms the drop once <paramref name="batches"/> requests have gone (their last file fully sent), from the progress reports.</summary>
    private sealed class FaultAfter(DitioEmulator emulator, int batches, EmulatorFaultKind kind) : IProgress<DocumentTransferProgress>
    {
        private readonly HashSet<string> _done = [];
        private bool _armed = Arm(emulator, batches, kind);

        private static bool Arm(DitioEmulator emulator, int batches, EmulatorFaultKind kind)
        {
            if (batches == 0)
            {
                emulator.Faults.DropNext(1, "POST", "/documents", kind);
            }

            return batches == 0;
        }

        public void Report(DocumentTransferProgress value)
        {
            lock (_done)
            {
                if (value.FileBytesTransferred == value.FileTotalBytes)
                {
                    _done.Add(value.FileName);
                }

                if (!_armed && _done.Count == batches * 3)
                {
                    _armed = true;
                    emulator.Faults.DropNext(1, "POST", "/documents", kind);
                }
            }
        }
    }

    private sealed class SignalOnSecondFile(CancellationTokenSource cancel) : IProgress<DocumentTransferProgress>
    {
        public void Report(DocumentTransferProgress value)
        {
            if (value.BytesTransferred > 300)
            {
                cancel.Cancel();
            }
        }
    }

    public void Dispose() => _files.Dispose();
}
