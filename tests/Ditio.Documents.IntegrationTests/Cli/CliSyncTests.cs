using System.Text.Json;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>ditio-docs sync as a real process: the JSON summary, the text report, the dry run and the exit codes.</summary>
public sealed class CliSyncTests : IDisposable
{
    private static readonly string[] SummaryKeys = ["folder", "target", "dryRun", "added", "replaced", "unchanged", "deleted", "conflicts", "failed", "skipped", "excluded", "items"];
    private readonly TestFiles _files = new();

    [Fact]
    public async Task Sync_Json_FirstAddsEverything_ThenANoOpResyncMakesOneListRequestAndNoUpload()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            _files.Write($"doc-{i}.pdf", 1_000 + i, seed: i);
        }

        var first = await DitioDocsProcess.RunAsync(emulator, "sync", _files.Folder, DitioEmulator.SampleProjectNumber, "--section", "Drawings", "--json");
        emulator.ClearJournal();
        var again = await DitioDocsProcess.RunAsync(emulator, "sync", _files.Folder, $"id:{DitioEmulator.SampleProjectId}", "--section", "Drawings", "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(SummaryKeys, first.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal([5, 0, 0, 0, 0, 0], Counts(first.Json));
        var items = first.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"doc-{i}.pdf"), items.Select(i => i.GetProperty("relativePath").GetString()));
        Assert.All(items, i => Assert.Equal(("added", "Drawings"), (i.GetProperty("action").GetString(), i.GetProperty("section").GetString())));
        Assert.Equal(
            emulator.GetDocuments().Select(d => d.FileReferenceId).Order(),
            items.Select(i => i.GetProperty("fileReferenceId").GetString()).Order());

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal([0, 0, 5, 0, 0, 0], Counts(again.Json));
        var api = emulator.Journal.Where(r => !r.Path.EndsWith("/connect/token", StringComparison.Ordinal)).ToList();
        var list = Assert.Single(api);
        Assert.Equal(("GET", $"/core/api/v4/integration/projects/{DitioEmulator.SampleProjectId}/documents"), (list.Method, list.Path));
    }

    [Fact]
    public async Task Sync_DryRun_PrintsThePlan_AndChangesNothing()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        Directory.CreateDirectory(Path.Combine(_files.Folder, "Contracts"));
        _files.Write("Contracts/Kontrakt.pdf", 100);
        _files.Write("Readme.pdf", 100);

        var run = await DitioDocsProcess.RunAsync(emulator, "sync", _files.Folder, DitioEmulator.SampleProjectNumber, "--sections-from-folders", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("Dry run: nothing was changed.", run.Lines[0], StringComparison.Ordinal);
        Assert.Equal(["would add", "Contracts/Kontrakt.pdf", "Contracts"], Cells(run.Lines.Single(l => l.Contains("Kontrakt", StringComparison.Ordinal))));
        Assert.Equal(["would add", "Readme.pdf"], Cells(run.Lines.Single(l => l.Contains("Readme", StringComparison.Ordinal))));
        Assert.EndsWith(": add 2, replace 0, unchanged 0, delete 0, conflicts 0, failed 0, skipped 0, excluded 0.", run.Lines[^1], StringComparison.Ordinal);
        Assert.Empty(emulator.GetDocuments());
        Assert.DoesNotContain(emulator.Journal, r => r.Method is "POST" or "DELETE" && !r.Path.EndsWith("/connect/token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_Text_ListsWhatChanged_AndAConflictExitsWith1()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        _files.Write("keep.pdf", 100, seed: 1);
        _files.Write("change.pdf", 100, seed: 2);
        var gone = _files.Write("gone.pdf", 100, seed: 3);
        var first = await DitioDocsProcess.RunAsync(emulator, "sync", _files.Folder, DitioEmulator.SampleProjectNumber);
        _files.Write("change.pdf", 200, seed: 4);
        File.Delete(gone);
        _files.Write("new.pdf", 100, seed: 5);
        _files.Write("NEW.PDF", 100, seed: 6);

        var second = await DitioDocsProcess.RunAsync(emulator, "sync", _files.Folder, DitioEmulator.SampleProjectNumber, "--delete");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 1, second.ToString());
        var actions = second.Lines.Skip(1).SkipLast(1).Select(Cells).ToDictionary(c => c[1], c => c[0]);
        Assert.Equal(
            new Dictionary<string, string> { ["NEW.PDF"] = "conflict", ["change.pdf"] = "replaced", ["gone.pdf"] = "deleted", ["new.pdf"] = "conflict" },
            actions);
        Assert.EndsWith(": added 0, replaced 1, unchanged 1, deleted 1, conflicts 2, failed 0, skipped 0, excluded 0.", second.Lines[^1], StringComparison.Ordinal);
        Assert.Equal(["change.pdf", "keep.pdf"], emulator.GetDocuments().Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sync_AFolderThatDoesNotExist_IsAUsageError()
    {
        var run = await DitioDocsProcess.RunBareAsync("--emulator", "sync", Path.Combine(_files.Folder, "missing"), DitioEmulator.SampleProjectNumber);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"ditio-docs: error: The folder '{Path.Combine(_files.Folder, "missing")}' does not exist.", run.Stderr.Trim());
    }

    private static int[] Counts(JsonElement summary) =>
        [.. new[] { "added", "replaced", "unchanged", "deleted", "conflicts", "failed" }.Select(k => summary.GetProperty(k).GetInt32())];

    private static string[] Cells(string line) => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose() => _files.Dispose();
}
