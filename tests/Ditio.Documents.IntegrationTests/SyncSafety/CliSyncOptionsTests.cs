using Ditio.Documents.IntegrationTests.Cli;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>The sync safety options reach the SDK from the command line, and bad ones are refused before anything is sent.</summary>
public sealed class CliSyncOptionsTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly TestFiles _outside = new();

    private string Folder => _files.Folder;

    [Fact]
    public async Task DryRun_ListsExcludedAndSkippedEntriesWithWhy_ExcludeIsRepeatable()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        _files.Write("plan.pdf", 10);
        _files.Write("notes.bak", 10);
        _files.Write("old.zip", 10);
        _files.Write("Thumbs.db", 10);
        File.CreateSymbolicLink(Path.Combine(Folder, "link.pdf"), _outside.Write("secret.pdf", 10));

        var run = await DitioDocsProcess.RunAsync(emulator, "sync", Folder, DitioEmulator.SampleProjectNumber, "--dry-run", "--exclude", "*.bak", "--exclude", "*.zip");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Lines.Skip(2).SkipLast(1).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToDictionary(c => c[1], c => (c[0], c[^1]));
        Assert.Equal(("excluded", "excluded by '*.bak'"), rows["notes.bak"]);
        Assert.Equal(("excluded", "excluded by '*.zip'"), rows["old.zip"]);
        Assert.Equal(("excluded", "junk, excluded by default ('Thumbs.db')"), rows["Thumbs.db"]);
        Assert.Equal("skipped", rows["link.pdf"].Item1);
        Assert.Equal("would add", rows["plan.pdf"].Item1);
        Assert.EndsWith("skipped 1, excluded 3.", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceExisting_AndFollowSymlinks_FromTheCommandLine()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        emulator.AddDocument(DitioEmulator.SampleProjectId, "plan.pdf", SafetyJournal.Bytes(10, 9));
        _files.Write("plan.pdf", 100);
        Directory.CreateDirectory(Path.Combine(Folder, "real"));
        File.CreateSymbolicLink(Path.Combine(Folder, "link.pdf"), _files.Write("real/target.pdf", 200, seed: 2));

        var conflict = await DitioDocsProcess.RunAsync(emulator, "sync", Folder, DitioEmulator.SampleProjectNumber, "--json");
        var replaced = await DitioDocsProcess.RunAsync(emulator, "sync", Folder, DitioEmulator.SampleProjectNumber, "--json", "--replace-existing", "--follow-symlinks");

        Assert.Equal(1, conflict.ExitCode);
        Assert.Equal(1, conflict.Json.GetProperty("conflicts").GetInt32());
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Equal((1, 1), (replaced.Json.GetProperty("replaced").GetInt32(), replaced.Json.GetProperty("added").GetInt32()));
        Assert.Equal(200, emulator.GetDocuments().Single(d => d.Name == "link.pdf").Size);
    }

    [Theory]
    [InlineData(-1, "x")]
    [InlineData(10, "")]
    [InlineData(10, "/")]
    public async Task Sdk_BadSafetyOptions_AreRefusedBeforeAnyRequest(int maxDelete, string exclude)
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _files.Write("a.pdf", 10);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => sdk.Client.SyncFolderAsync(Folder, sdk.Project, new() { MaxDelete = maxDelete, Exclude = [exclude] }));

        Assert.Empty(sdk.Emulator.Journal);
    }

    public void Dispose()
    {
        _files.Dispose();
        _outside.Dispose();
    }
}
