using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rule 4: sync never claims a document it did not upload; --replace-existing opts in.</summary>
public sealed class OwnershipTests : IDisposable
{
    private readonly TestFiles _files = new();

    private string Folder => _files.Folder;

    [Fact]
    public async Task FirstSync_ASameNamedDocumentOfSomebodyElse_IsAConflict_LeftAlone_AndNeverDeletedLater()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var theirs = sdk.Emulator.AddDocument(DitioEmulator.SampleProjectId, "plan.pdf", SafetyJournal.Bytes(50, 9), "Drawings");
        var plan = _files.Write("plan.pdf", 100);
        _files.Write("other.pdf", 100, seed: 2);

        var first = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings" });
        File.Delete(plan);
        var second = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings", DeleteRemoved = true });

        var conflict = Assert.Single(first.Items, i => i.Action == DocumentSyncAction.Conflict);
        Assert.Equal(("plan.pdf", theirs.FileReferenceId), (conflict.RelativePath, conflict.FileReferenceId));
        Assert.Contains("--replace-existing", conflict.Reason, StringComparison.Ordinal);
        Assert.Equal(0, second.Deleted);
        var kept = sdk.Emulator.GetDocuments().Single(d => d.Name == "plan.pdf");
        Assert.Equal((theirs.FileReferenceId, theirs.Sha256), (kept.FileReferenceId, kept.Sha256));
    }

    [Fact]
    public async Task ManifestLost_OurOwnEarlierDocumentsAreConflicts_UntilReplaceExistingTakesThemOver()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            _files.Write($"f{i}.pdf", 300, seed: i);
        }

        await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings" });
        File.Delete(Path.Combine(Folder, DocumentSyncOptions.DefaultManifestFileName));

        var lost = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings" });
        var takeOver = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings", ReplaceExisting = true });
        var afterwards = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings" });

        Assert.Equal((3, 0), (lost.Conflicts, lost.Replaced));
        Assert.Equal(3, takeOver.Replaced);
        Assert.Equal(3, afterwards.Unchanged);
        Assert.Equal(3, sdk.Emulator.GetDocuments().Count);
    }

    [Fact]
    public async Task ReplaceExisting_ReplacesTheirDocument_AndFromThenOnItIsOurs()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        sdk.Emulator.AddDocument(DitioEmulator.SampleProjectId, "PLAN.pdf", SafetyJournal.Bytes(50, 9));
        var plan = _files.Write("plan.pdf", 100);
        _files.Write("keep.pdf", 100, seed: 3);

        var replaced = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { ReplaceExisting = true });
        File.Delete(plan);
        var deleted = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true });

        Assert.Equal(DocumentSyncAction.Replaced, replaced.Items.Single(i => i.RelativePath == "plan.pdf").Action);
        Assert.Equal(1, deleted.Deleted);
        Assert.Equal(["keep.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task ChangedFile_WhenSomebodyAddedACaseVariantOfItsName_IsAConflict_AndTheirsSurvives()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _files.Write("plan.pdf", 100);
        await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        var theirs = sdk.Emulator.AddDocument(DitioEmulator.SampleProjectId, "PLAN.PDF", SafetyJournal.Bytes(50, 9));
        _files.Write("plan.pdf", 200, seed: 7);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);

        Assert.Equal(DocumentSyncAction.Conflict, Assert.Single(result.Items).Action);
        Assert.Contains(sdk.Emulator.GetDocuments(), d => d.FileReferenceId == theirs.FileReferenceId);
    }

    public void Dispose() => _files.Dispose();
}
