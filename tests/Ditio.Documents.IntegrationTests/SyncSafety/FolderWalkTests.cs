using System.Diagnostics;
using Ditio.Documents.IntegrationTests.Infrastructure;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rules 9, 10 and 11: links, junk, exclusions and odd entries in the synced folder.</summary>
public sealed class FolderWalkTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly TestFiles _outside = new();

    private string Folder => _files.Folder;

    [Fact]
    public async Task SymlinkToAPrivateFileOutside_IsSkippedAndReported_NeverSent()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var secret = _outside.Write("id_rsa", 100);
        File.CreateSymbolicLink(Path.Combine(Folder, "notes.pdf"), secret);
        _files.Write("plan.pdf", 100);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project);

        var skipped = Assert.Single(result.Items, i => i.Action == DocumentSyncAction.Skipped);
        Assert.Equal("notes.pdf", skipped.RelativePath);
        Assert.Contains("symbolic link, not followed", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(["plan.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task FollowSymlinks_SendsLinksInsideWithTheTargetsLength_AndNeverAnythingOutside()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        Directory.CreateDirectory(Path.Combine(Folder, "real"));
        var inside = _files.Write("real/plan.pdf", 5_000);
        File.CreateSymbolicLink(Path.Combine(Folder, "plan-link.pdf"), inside);
        File.CreateSymbolicLink(Path.Combine(Folder, "secret.pdf"), _outside.Write("secret.pdf", 100));
        Directory.CreateDirectory(Path.Combine(_outside.Folder, "private"));
        _outside.Write("private/key.pdf", 100);
        Directory.CreateSymbolicLink(Path.Combine(Folder, "private-link"), Path.Combine(_outside.Folder, "private"));
        Directory.CreateSymbolicLink(Path.Combine(Folder, "real", "loop"), Folder);
        File.CreateSymbolicLink(Path.Combine(Folder, "via-outside.pdf"), Path.Combine(Folder, "private-link", "key.pdf"));

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { FollowSymlinks = true });

        Assert.Equal(["plan-link.pdf", "plan.pdf"], sdk.Emulator.Names());
        Assert.All(sdk.Emulator.GetDocuments(), d => Assert.Equal((5_000L, TestFiles.Sha256(inside)), (d.Size, d.Sha256)));
        Assert.Equal(["private-link", "real/loop", "secret.pdf", "via-outside.pdf"], result.Items.Where(i => i.Action == DocumentSyncAction.Skipped).Select(i => i.RelativePath));
        Assert.Equal(0, result.Failed);
    }

    [Fact]
    public async Task Junk_IsExcludedByDefault_ExcludePatternsAddToIt_AndADryRunShowsWhy()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        Directory.CreateDirectory(Path.Combine(Folder, "Archive", "old"));
        string[] junk = ["Thumbs.db", "desktop.ini", ".DS_Store", "~$Kontrakt.docx", ".~lock.Kontrakt.docx#", "render.tmp", "THUMBS.DB"];
        foreach (var name in junk)
        {
            _files.Write(name, 10);
        }

        _files.Write("Kontrakt.docx", 10);
        _files.Write("notes.bak", 10);
        _files.Write("Archive/old/a.pdf", 10);
        _files.Write("Archive/b.pdf", 10);

        var plan = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { DryRun = true, Exclude = ["*.bak", "Archive/**"] });
        var run = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { Exclude = ["*.bak", "Archive/**"] });

        var excluded = plan.Items.Where(i => i.Action == DocumentSyncAction.Excluded).ToDictionary(i => i.RelativePath, i => i.Reason);
        Assert.Equal(junk.Concat(["notes.bak", "Archive/old/a.pdf", "Archive/b.pdf"]).Order(StringComparer.Ordinal), excluded.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("junk, excluded by default ('~$*')", excluded["~$Kontrakt.docx"], StringComparison.Ordinal);
        Assert.Equal("excluded by 'Archive/**'", excluded["Archive/old/a.pdf"]);
        Assert.Equal(1, plan.Added);
        Assert.Equal(["Kontrakt.docx"], sdk.Emulator.Names());
        Assert.Equal(0, run.Failed);
    }

    [Fact]
    public async Task OddEntries_AreReportedOneByOne_AndTheRestIsSynced()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _files.Write("bad\u001b[31mname.pdf", 10);
        _files.Write("setup.exe", 10);
        File.CreateSymbolicLink(Path.Combine(Folder, "dangling.pdf"), Path.Combine(Folder, "nothing-here.pdf"));
        _files.Write("good.pdf", 10);
        _files.Write("empty.pdf", 0);
        MakeFifo(Path.Combine(Folder, "pipe.pdf"));

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { FollowSymlinks = true });

        Assert.Equal(DocumentSyncAction.Failed, result.Items.Single(i => i.RelativePath.StartsWith("bad", StringComparison.Ordinal)).Action);
        Assert.Equal(DocumentSyncAction.Failed, result.Items.Single(i => i.RelativePath == "setup.exe").Action);
        Assert.Equal(DocumentSyncAction.Skipped, result.Items.Single(i => i.RelativePath == "dangling.pdf").Action);
        Assert.Contains("empty.pdf", sdk.Emulator.Names());
        Assert.Contains("good.pdf", sdk.Emulator.Names());
    }

    [Fact]
    public async Task SectionsFromFolders_AFolderNameDitioWouldRefuseAsASection_FailsItsFilesOnly()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        Directory.CreateDirectory(Path.Combine(Folder, "Bad\u0007Section"));
        Directory.CreateDirectory(Path.Combine(Folder, "Drawings"));
        _files.Write("Bad\u0007Section/x.pdf", 10);
        _files.Write("Drawings/y.pdf", 10);

        var result = await sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { SectionsFromFolders = true });

        Assert.Equal(DocumentSyncAction.Failed, result.Items.Single(i => i.RelativePath.EndsWith("x.pdf", StringComparison.Ordinal)).Action);
        Assert.Equal([("Drawings", "y.pdf")], sdk.Emulator.GetDocuments().Select(d => (d.Section, d.Name)));
    }

    private static void MakeFifo(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public void Dispose()
    {
        _files.Dispose();
        _outside.Dispose();
    }
}
