using Ditio.Documents.IntegrationTests.Infrastructure;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rule 5: created documents are matched to files by name, never by their position in Ditio's answer.</summary>
public sealed class AnswerOrderTests : IDisposable
{
    private readonly TestFiles _files = new();

    private string Folder => _files.Folder;

    [Fact]
    public async Task Sync_AnswerInReverseOrder_EachIdIsRecordedForItsOwnFile_SoDeleteRemovesTheRightDocument()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        sdk.Emulator.Faults.ReverseUploadAnswers = true;
        var a = _files.Write("a.pdf", 100, seed: 1);
        _files.Write("b.pdf", 200, seed: 2);
        _files.Write("c.pdf", 300, seed: 3);

        var first = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);
        var afterFirst = sdk.Emulator.GetDocuments();
        File.Delete(a);
        var second = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DeleteRemoved = true });

        Assert.All(first.Items, i => Assert.Equal(i.RelativePath, afterFirst.Single(d => d.FileReferenceId == i.FileReferenceId).Name));
        Assert.Equal((1, 2), (second.Deleted, second.Unchanged));
        Assert.Equal(["b.pdf", "c.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task UploadManyAsync_AnswerInReverseOrder_EachOutcomeHasItsOwnDocument()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        sdk.Emulator.Faults.ReverseUploadAnswers = true;
        var files = new[] { _files.Write("x.pdf", 100, seed: 1), _files.Write("y.pdf", 200, seed: 2), _files.Write("z.pdf", 300, seed: 3) };

        var result = await sdk.Client.UploadManyAsync(sdk.Project, files.Select(f => DocumentUploadFile.FromPath(f)));

        Assert.Equal(1, result.RequestCount);
        Assert.All(result.Outcomes, o => Assert.Equal(o.File.FileName, o.Document!.Name));
        var stored = sdk.Emulator.GetDocuments();
        Assert.All(result.Outcomes, o => Assert.Equal(o.File.FileName, stored.Single(d => d.FileReferenceId == o.FileReferenceId).Name));
    }

    [Fact]
    public async Task UploadManyAsync_TwoFilesOfOneName_GoInSeparateRequests_SoEachIsMatchedToItsOwnDocument()
    {
        await using var sdk = await EmulatorSdk.StartAsync(o => o.Transfers.MaxParallelRequests = 1);
        sdk.Emulator.Faults.ReverseUploadAnswers = true;
        Directory.CreateDirectory(Path.Combine(Folder, "v2"));
        var one = _files.Write("plan.pdf", 100, seed: 1);
        var two = _files.Write("v2/PLAN.pdf", 200, seed: 2);
        var other = _files.Write("other.pdf", 300, seed: 3);

        var result = await sdk.Client.UploadManyAsync(sdk.Project, new[] { one, two, other }.Select(f => DocumentUploadFile.FromPath(f)));

        Assert.Equal(2, result.RequestCount);
        var stored = sdk.Emulator.GetDocuments();
        Assert.All(result.Outcomes, o => Assert.Equal(TestFiles.Sha256(o.File.FilePath!), stored.Single(d => d.FileReferenceId == o.FileReferenceId).Sha256));
    }

    public void Dispose() => _files.Dispose();
}
