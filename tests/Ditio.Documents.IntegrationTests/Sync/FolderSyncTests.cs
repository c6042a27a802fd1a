using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Sync;

public sealed class FolderSyncTests : IDisposable
{
    private readonly TestFiles _files = new();

    private string Folder => _files.Folder;

    [Fact]
    public async Task Resync_AfterChangingThreeDeletingTwoAndAddingOne_SendsExactlyThoseChanges()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            _files.Write($"doc-{i}.pdf", 1_000 + i, seed: i);
        }

        var first = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings" });
        Assert.Equal((10, 0, 0), (first.Added, first.Replaced, first.Unchanged));
        sdk.Emulator.ClearJournal();

        foreach (var i in new[] { 1, 4, 7 })
        {
            _files.Write($"doc-{i}.pdf", 2_000, seed: 100 + i);
        }

        File.Delete(Path.Combine(Folder, "doc-2.pdf"));
        File.Delete(Path.Combine(Folder, "doc-5.pdf"));
        _files.Write("doc-new.pdf", 500, seed: 50);
        var second = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings", DeleteRemoved = true });

        Assert.Equal((1, 3, 5, 2, 0, 0), (second.Added, second.Replaced, second.Unchanged, second.Deleted, second.Conflicts, second.Failed));
        var uploaded = sdk.Emulator.Journal.Where(r => r.Method == "POST" && r.Path.EndsWith("/documents", StringComparison.Ordinal)).SelectMany(r => r.Parts).Select(p => p.FileName).Order();
        Assert.Equal(["doc-1.pdf", "doc-4.pdf", "doc-7.pdf", "doc-new.pdf"], uploaded);
        Assert.Equal(2, sdk.Emulator.Journal.Count(r => r.Method == "DELETE"));
        Assert.Equal(1, sdk.Emulator.Journal.Count(r => r.Method == "GET" && r.Path.EndsWith("/documents", StringComparison.Ordinal)));
        var stored = sdk.Emulator.GetDocuments(DitioEmulator.SampleProjectId);
        Assert.Equal(9, stored.Count);
        Assert.All(Directory.GetFiles(Folder).Where(f => !Path.GetFileName(f).StartsWith('.')), f =>
            Assert.Equal(TestFiles.Sha256(f), stored.Single(d => d.Name == Path.GetFileName(f)).Sha256));
    }

    [Fact]
    public async Task Resync_NothingChanged_MakesOneListRequestAndNoUpload()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            _files.Write($"f{i}.txt", 100, seed: i);
        }

        await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        sdk.Emulator.ClearJournal();

        var again = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);

        Assert.Equal(30, again.Unchanged);
        var request = Assert.Single(sdk.Emulator.Journal);
        Assert.Equal(("GET", $"/core/api/v4/integration/projects/{DitioEmulator.SampleProjectId}/documents"), (request.Method, request.Path));
    }

    [Fact]
    public async Task Delete_NeverTouchesADocumentSomebodyElsePutOnThePage()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var mine = _files.Write("mine.pdf", 100);
        _files.Write("keep.pdf", 100, seed: 2);
        await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings" });
        using (var theirs = new MemoryStream(new byte[10]))
        {
            await sdk.Client.UploadAsync(sdk.Project, [DocumentUploadFile.FromStream(theirs, "theirs.pdf")], new() { Section = "Drawings" });
        }

        File.Delete(mine);
        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings", DeleteRemoved = true });

        Assert.Equal(1, result.Deleted);
        Assert.Equal(["keep.pdf", "theirs.pdf"], sdk.Emulator.GetDocuments().Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Interrupted_AfterTheFirstBatch_RerunFinishesWithEveryFileOnce()
    {
        await using var sdk = await EmulatorSdk.StartAsync(o =>
        {
            o.Transfers.MaxFilesPerRequest = 3;
            o.Transfers.MaxParallelRequests = 1;
            o.Retry.MaxRetryAttempts = 0;
        });
        for (var i = 0; i < 9; i++)
        {
            _files.Write($"f{i}.pdf", 300, seed: i);
        }

        sdk.Emulator.Faults.DropNext(1, "POST", "/documents", EmulatorFaultKind.DropAfterProcessing);
        var interrupted = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        Assert.Equal(3, interrupted.Failed);

        var rerun = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);

        Assert.Equal(0, rerun.Failed);
        var stored = sdk.Emulator.GetDocuments();
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"f{i}.pdf"), stored.Select(d => d.Name).Order());
    }

    [Fact]
    public async Task ManifestLost_NextSyncNeitherDuplicatesNorClaims_TheNamesakesAreConflicts()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            _files.Write($"f{i}.pdf", 300, seed: i);
        }

        await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings" });
        File.Delete(Path.Combine(Folder, DocumentSyncOptions.DefaultManifestFileName));

        var rebuilt = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Section = "Drawings" });

        Assert.Equal((5, 0, 0), (rebuilt.Conflicts, rebuilt.Replaced, rebuilt.Added));
        Assert.Equal(5, sdk.Emulator.GetDocuments().Count);
    }

    [Fact]
    public async Task NameClashes_AreConflictsAndNotUploaded_AndSectionsComeFromFolders()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        Directory.CreateDirectory(Path.Combine(Folder, "Drawings", "old"));
        Directory.CreateDirectory(Path.Combine(Folder, "Contracts"));
        _files.Write("Drawings/plan.pdf", 10);
        _files.Write("Drawings/old/Plan.PDF", 10);
        _files.Write("Contracts/plan.pdf", 10);
        _files.Write("Contracts/main.pdf", 10);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { SectionsFromFolders = true });

        Assert.Equal(2, result.Conflicts);
        Assert.All(result.Items.Where(i => i.Action == DocumentSyncAction.Conflict), i => Assert.StartsWith("Drawings/", i.RelativePath, StringComparison.Ordinal));
        Assert.Equal([("Contracts", "main.pdf"), ("Contracts", "plan.pdf")], sdk.Emulator.GetDocuments().Select(d => (d.Section, d.Name)).Order());
    }

    [Fact]
    public async Task DryRun_PlansButSendsNothingButTheListing()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _files.Write("a.pdf", 10);

        var plan = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DryRun = true });

        Assert.True(plan.DryRun);
        Assert.Equal(1, plan.Added);
        Assert.Empty(sdk.Emulator.GetDocuments());
        Assert.DoesNotContain(sdk.Emulator.Journal, r => r.Method is "POST" or "DELETE" && r.Path.Contains("/documents", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Folder, DocumentSyncOptions.DefaultManifestFileName)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RefusedFile_FailsWithTheRuleInADryRunAsInARealRun(bool dryRun)
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _files.Write("setup.exe", 10);
        _files.Write("plan.pdf", 10);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DryRun = dryRun });

        var refused = Assert.Single(result.Items, i => i.Action == DocumentSyncAction.Failed);
        Assert.Equal("setup.exe", refused.RelativePath);
        Assert.Contains("which Ditio refuses", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.Added);
        Assert.Equal(dryRun ? 0 : 1, sdk.Emulator.GetDocuments().Count);
    }

    public void Dispose() => _files.Dispose();
}
