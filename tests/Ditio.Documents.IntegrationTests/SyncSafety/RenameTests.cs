using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rules 7 and 8: renames and moves end with exactly one document of the new name; a failed replace keeps the old id.</summary>
public sealed class RenameTests : IDisposable
{
    private readonly TestFiles _files = new();

    private string Folder => _files.Folder;

    [Theory]
    [InlineData("plan.pdf", "Plan-v2.pdf")]
    [InlineData("plan.pdf", "PLAN.pdf")]
    [InlineData("plan.pdf", "sub/plan.pdf")]
    [InlineData("sub/plan.pdf", "Plan.PDF")]
    public async Task RenameOrMove_ThenSyncWithDelete_LeavesExactlyOneDocumentOfTheNewName(string from, string to)
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        Directory.CreateDirectory(Path.Combine(Folder, "sub"));
        var original = _files.Write(from, 100);
        _files.Write("other.pdf", 100, seed: 2);
        await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        var moved = Path.Combine(Folder, to);
        File.Move(original, moved + ".moving");
        File.Move(moved + ".moving", moved);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true });
        var again = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true });

        Assert.Equal((0, 0), (result.Conflicts, result.Failed));
        Assert.Equal(new[] { "other.pdf", Path.GetFileName(to) }.Order(StringComparer.Ordinal), sdk.Emulator.Names());
        Assert.Equal(TestFiles.Sha256(moved), sdk.Emulator.GetDocuments().Single(d => d.Name == Path.GetFileName(to)).Sha256);
        Assert.Equal((2, 0, 0), (again.Unchanged, again.Deleted, again.Failed));
    }

    [Fact]
    public async Task ChangedFile_WhoseUploadIsRefused_KeepsItsOldId_SoItsDocumentIsStillManaged()
    {
        await using var sdk = await EmulatorSdk.StartAsync(o => o.Retry.MaxRetryAttempts = 0);
        var plan = _files.Write("plan.pdf", 100);
        _files.Write("keep.pdf", 100, seed: 2);
        await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        _files.Write("plan.pdf", 200, seed: 3);
        sdk.Emulator.Faults.FailNext(1, "POST", "/documents", 500);

        var failed = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        File.Delete(plan);
        var deleted = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true });

        Assert.Equal(DocumentSyncAction.Failed, failed.Items.Single(i => i.RelativePath == "plan.pdf").Action);
        Assert.Equal(1, deleted.Deleted);
        Assert.Equal(["keep.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task ChangedFile_WhoseAnswerIsLost_KeepsItsOldId_AndTheRerunEndsWithOneDocument()
    {
        await using var sdk = await EmulatorSdk.StartAsync(o => o.Retry.MaxRetryAttempts = 0);
        _files.Write("plan.pdf", 100);
        await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        _files.Write("plan.pdf", 200, seed: 3);
        sdk.Emulator.Faults.DropNext(1, "POST", "/documents", EmulatorFaultKind.DropBeforeBody);

        var failed = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        var rerun = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);

        Assert.Equal(1, failed.Failed);
        Assert.Equal(1, rerun.Replaced);
        var document = Assert.Single(sdk.Emulator.GetDocuments());
        Assert.Equal(TestFiles.Sha256(Path.Combine(Folder, "plan.pdf")), document.Sha256);
    }

    public void Dispose() => _files.Dispose();
}
