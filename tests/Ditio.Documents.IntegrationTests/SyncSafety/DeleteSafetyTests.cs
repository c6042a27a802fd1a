using Ditio.Documents.IntegrationTests.Infrastructure;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rule 3: deletes need positive proof (ours, file gone, nothing failed, folder not empty) and stay under a cap.</summary>
public sealed class DeleteSafetyTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly TestFiles _elsewhere = new();

    private string Folder => _files.Folder;

    [Fact]
    public async Task EmptyFolder_LikeAnUnmountedShare_DeletesNothing_AndSaysWhy()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var manifest = Path.Combine(_elsewhere.Folder, "drawings.json");
        for (var i = 0; i < 3; i++)
        {
            _files.Write($"d{i}.pdf", 100, seed: i);
        }

        await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { ManifestPath = manifest });
        foreach (var file in Directory.GetFiles(Folder))
        {
            File.Delete(file);
        }

        _files.Write("Thumbs.db", 10);
        sdk.Emulator.ClearJournal();

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { ManifestPath = manifest, DeleteRemoved = true });

        Assert.Equal((0, 3), (result.Deleted, result.Failed));
        Assert.All(result.Items.Where(i => i.Action == DocumentSyncAction.Failed), i => Assert.Contains("holds no files at all", i.Reason, StringComparison.Ordinal));
        Assert.Empty(sdk.Emulator.Changes());
        Assert.Equal(3, sdk.Emulator.GetDocuments().Count);
    }

    [Fact]
    public async Task MoreDeletesThanMaxDelete_DeletesNone_AndNamesTheOptionToRaise_ThenRaisingItDeletesThem()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        for (var i = 0; i < 13; i++)
        {
            _files.Write($"d{i:00}.pdf", 100, seed: i);
        }

        await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        for (var i = 0; i < 12; i++)
        {
            File.Delete(Path.Combine(Folder, $"d{i:00}.pdf"));
        }

        sdk.Emulator.ClearJournal();
        var capped = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true });
        var capHeld = sdk.Emulator.GetDocuments().Count;
        var raised = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true, MaxDelete = 12 });

        Assert.Equal((0, 12), (capped.Deleted, capped.Failed));
        Assert.All(capped.Items.Where(i => i.Action == DocumentSyncAction.Failed), i => Assert.Contains("--max-delete 12", i.Reason, StringComparison.Ordinal));
        Assert.Equal(13, capHeld);
        Assert.Equal(12, raised.Deleted);
        Assert.Equal(["d12.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task AnUploadFailedEarlierInTheRun_NothingIsDeleted()
    {
        await using var sdk = await EmulatorSdk.StartAsync(o => o.Retry.MaxRetryAttempts = 0);
        var gone = _files.Write("gone.pdf", 100);
        await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        File.Delete(gone);
        _files.Write("new.pdf", 100, seed: 5);
        sdk.Emulator.Faults.FailNext(1, "POST", "/documents", 500);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true });

        Assert.Equal(0, result.Deleted);
        var refused = Assert.Single(result.Items, i => i.RelativePath == "gone.pdf");
        Assert.Equal(DocumentSyncAction.Failed, refused.Action);
        Assert.Contains("something failed earlier in this run", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(["gone.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task AFileThatCannotBeRead_IsReported_AndBlocksDeletes_WhileTheRestIsSynced()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var gone = _files.Write("gone.pdf", 100);
        var locked = _files.Write("locked.pdf", 100, seed: 2);
        await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        File.Delete(gone);
        _files.Write("locked.pdf", 200, seed: 3);
        _files.Write("new.pdf", 100, seed: 4);

        DocumentSyncResult result;
        using (new FileStream(locked, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true });
        }

        Assert.Equal(DocumentSyncAction.Failed, result.Items.Single(i => i.RelativePath == "locked.pdf").Action);
        Assert.Equal(DocumentSyncAction.Added, result.Items.Single(i => i.RelativePath == "new.pdf").Action);
        Assert.Equal(DocumentSyncAction.Failed, result.Items.Single(i => i.RelativePath == "gone.pdf").Action);
        Assert.Equal(["gone.pdf", "locked.pdf", "new.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task AFileExcludedLater_IsNotDeleted()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _files.Write("keep.pdf", 100);
        _files.Write("notes.bak", 100, seed: 2);
        await sdk.Client.SyncFolderAsync(Folder, sdk.Project);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true, Exclude = ["*.bak"] });

        Assert.Equal(0, result.Deleted);
        Assert.Equal(DocumentSyncAction.Excluded, result.Items.Single(i => i.RelativePath == "notes.bak").Action);
        Assert.Equal(["keep.pdf", "notes.bak"], sdk.Emulator.Names());
    }

    public void Dispose()
    {
        _files.Dispose();
        _elsewhere.Dispose();
    }
}
