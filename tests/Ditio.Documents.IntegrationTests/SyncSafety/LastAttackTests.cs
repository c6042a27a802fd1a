using System.Text;
using Ditio.Documents.IntegrationTests.Cli;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>
/// The last attack, from fresh angles: overlapping scheduled runs, a section folder whose share is not mounted,
/// names in another Unicode form, a server answering with another document's id, a manifest path that is a folder,
/// and the CLI's words for a refused manifest, a capped delete and a hostile local name.
/// </summary>
public sealed class LastAttackTests : IDisposable
{
    private readonly TestFiles _files = new();

    private string Folder => _files.Folder;

    private string Manifest => Path.Combine(Folder, DocumentSyncOptions.DefaultManifestFileName);

    [Fact]
    public async Task OverlappingRuns_TheSecondStopsAtOnce_AndSendsNothing()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _files.Write("a.pdf", 100);

        DitioSyncManifestException error;
        using (new FileStream(Manifest + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            error = await Assert.ThrowsAsync<DitioSyncManifestException>(() => sdk.Client.SyncFolderAsync(Folder, sdk.Project));
        }

        var after = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);

        Assert.Contains("Another sync with the manifest", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, after.Added);
        Assert.Single(sdk.Emulator.Changes());
    }

    [Fact]
    public async Task SectionsFromFolders_ASectionFolderGoneEmpty_DeletesNothingOfIt_ButOtherSectionsAreSynced()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        Directory.CreateDirectory(Path.Combine(Folder, "Drawings"));
        Directory.CreateDirectory(Path.Combine(Folder, "Contracts"));
        _files.Write("Drawings/a.pdf", 100, seed: 1);
        _files.Write("Drawings/b.pdf", 100, seed: 2);
        _files.Write("Contracts/c.pdf", 100, seed: 3);
        var gone = _files.Write("Contracts/d.pdf", 100, seed: 4);
        await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { SectionsFromFolders = true });
        File.Delete(Path.Combine(Folder, "Drawings", "a.pdf"));
        File.Delete(Path.Combine(Folder, "Drawings", "b.pdf"));
        File.Delete(gone);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { SectionsFromFolders = true, DeleteRemoved = true });

        Assert.All(result.Items.Where(i => i.RelativePath.StartsWith("Drawings/", StringComparison.Ordinal)), i =>
        {
            Assert.Equal(DocumentSyncAction.Failed, i.Action);
            Assert.Contains("section folder 'Drawings' is missing or holds no files", i.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(["a.pdf", "b.pdf", "c.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task ANameInAnotherUnicodeForm_IsTheSameName_SoTheirDocumentIsAConflict_NotASecondCopy()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var composed = "Tegning-Ærfugl-é.pdf".Normalize(NormalizationForm.FormC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        sdk.Emulator.AddDocument(DitioEmulator.SampleProjectId, decomposed, SafetyJournal.Bytes(10, 1));
        _files.Write(composed, 100);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);

        Assert.Equal(DocumentSyncAction.Conflict, Assert.Single(result.Items).Action);
        Assert.Single(sdk.Emulator.GetDocuments());
    }

    [Fact]
    public async Task AServerAnsweringWithAnotherDocumentsId_IsNotBelieved_SoThatDocumentIsNeverDeleted()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var theirs = sdk.Emulator.AddDocument(DitioEmulator.SampleProjectId, "theirs.pdf", SafetyJournal.Bytes(10, 1));
        _files.Write("keep.pdf", 100, seed: 1);
        var mine = _files.Write("mine.pdf", 100, seed: 2);
        sdk.Emulator.Faults.AnswerWithFileReferenceId = theirs.FileReferenceId;

        var lied = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Exclude = ["keep.pdf"] });
        File.Delete(mine);
        var deleted = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true });

        var item = Assert.Single(lied.Items, i => i.RelativePath == "mine.pdf");
        Assert.Equal(DocumentSyncAction.Failed, item.Action);
        Assert.Contains("belongs to another document", item.Reason, StringComparison.Ordinal);
        Assert.Equal(0, deleted.Deleted);
        Assert.Contains(sdk.Emulator.GetDocuments(), d => d.FileReferenceId == theirs.FileReferenceId);
    }

    [Fact]
    public async Task AManifestPathThatIsAFolder_IsRefusedBeforeAnythingIsSent()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _files.Write("a.pdf", 100);
        Directory.CreateDirectory(Path.Combine(Folder, "state"));

        await Assert.ThrowsAsync<ArgumentException>(() => sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { ManifestPath = Path.Combine(Folder, "state") }));

        Assert.Empty(sdk.Emulator.Journal);
    }

    [Fact]
    public async Task Cli_ACopiedManifest_Exit1_OneLineNamingTheFileAndTheWayOut_NoStackTrace()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        using var other = new TestFiles();
        _files.Write("a.pdf", 100);
        var first = await DitioDocsProcess.RunAsync(emulator, "sync", Folder, DitioEmulator.SampleProjectNumber);
        File.Copy(Manifest, Path.Combine(other.Folder, DocumentSyncOptions.DefaultManifestFileName));

        var run = await DitioDocsProcess.RunAsync(emulator, "sync", other.Folder, DitioEmulator.SampleProjectNumber, "--delete");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"ditio-docs: error: The sync manifest '{Path.Combine(other.Folder, DocumentSyncOptions.DefaultManifestFileName)}' belongs to the folder '{Folder}'", line, StringComparison.Ordinal);
        Assert.Contains("--manifest PATH", line, StringComparison.Ordinal);
        Assert.Equal(["a.pdf"], emulator.Names());
    }

    [Fact]
    public async Task Cli_OverTheDeleteCap_Exit1_AndSaysHowToRaiseIt_AndHostileLocalNamesPrintEscaped()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        _files.Write("keep.pdf", 10);
        _files.Write("a.pdf", 10, seed: 2);
        _files.Write("b.pdf", 10, seed: 3);
        await DitioDocsProcess.RunAsync(emulator, "sync", Folder, DitioEmulator.SampleProjectNumber);
        File.Delete(Path.Combine(Folder, "a.pdf"));
        File.Delete(Path.Combine(Folder, "b.pdf"));

        var run = await DitioDocsProcess.RunAsync(emulator, "sync", Folder, DitioEmulator.SampleProjectNumber, "--delete", "--max-delete", "1");
        _files.Write("evil\u001b]0;pwned\u0007.pdf", 10);
        var hostile = await DitioDocsProcess.RunAsync(emulator, "sync", Folder, DitioEmulator.SampleProjectNumber, "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--max-delete 2", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, hostile.ExitCode);
        Assert.Contains(@"evil\x1b]0;pwned\x07.pdf", hostile.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', hostile.Stdout + hostile.Stderr);
        Assert.Equal(["a.pdf", "b.pdf", "keep.pdf"], emulator.Names());
    }

    public void Dispose() => _files.Dispose();
}
