using System.Text.Json;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rule 2: a manifest proves it belongs (folder, target, section, version) or the sync stops before anything is sent.</summary>
public sealed class ManifestSafetyTests : IDisposable
{
    private readonly TestFiles _a = new();
    private readonly TestFiles _b = new();

    private string ManifestOf(TestFiles files) => Path.Combine(files.Folder, DocumentSyncOptions.DefaultManifestFileName);

    [Fact]
    public async Task CopiedManifest_InAnotherFolder_StopsBeforeAnythingIsSent_AndNothingIsDeleted()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _a.Write("a.pdf", 100);
        _a.Write("b.pdf", 100, seed: 2);
        await sdk.Client.SyncFolderAsync(_a.Folder, sdk.Project);
        File.Copy(ManifestOf(_a), ManifestOf(_b));
        sdk.Emulator.ClearJournal();

        var error = await Assert.ThrowsAsync<DitioSyncManifestException>(() =>
            sdk.Client.SyncFolderAsync(_b.Folder, sdk.Project, new() { DeleteRemoved = true }));

        Assert.Contains(ManifestOf(_b), error.Message, StringComparison.Ordinal);
        Assert.Contains($"belongs to the folder '{_a.Folder}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(ManifestOf(_b), error.ManifestPath);
        Assert.Empty(sdk.Emulator.Changes());
        Assert.Equal(["a.pdf", "b.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task SharedManifest_GivenByPath_ForAnotherFolder_Stops()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _a.Write("a.pdf", 100);
        var shared = Path.Combine(_b.Folder, "shared.json");
        await sdk.Client.SyncFolderAsync(_a.Folder, sdk.Project, new() { ManifestPath = shared });
        Directory.CreateDirectory(Path.Combine(_b.Folder, "empty"));

        await Assert.ThrowsAsync<DitioSyncManifestException>(() =>
            sdk.Client.SyncFolderAsync(Path.Combine(_b.Folder, "empty"), sdk.Project, new() { ManifestPath = shared, DeleteRemoved = true }));

        Assert.Equal(["a.pdf"], sdk.Emulator.Names());
    }

    [Fact]
    public async Task ManifestOfAnotherTarget_Stops()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _a.Write("a.pdf", 100);
        await sdk.Client.SyncFolderAsync(_a.Folder, sdk.Project);
        sdk.Emulator.ClearJournal();

        var error = await Assert.ThrowsAsync<DitioSyncManifestException>(() => sdk.Client.SyncFolderAsync(_a.Folder, sdk.WorkOrder));

        Assert.Contains("belongs to the target project:", error.Message, StringComparison.Ordinal);
        Assert.Empty(sdk.Emulator.Changes());
    }

    [Fact]
    public async Task ManifestOfAnotherSection_Stops()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _a.Write("a.pdf", 100);
        await sdk.Client.SyncFolderAsync(_a.Folder, sdk.Project, new() { Section = "Drawings" });
        sdk.Emulator.ClearJournal();

        var error = await Assert.ThrowsAsync<DitioSyncManifestException>(() => sdk.Client.SyncFolderAsync(_a.Folder, sdk.Project, new() { Section = "Contracts" }));

        Assert.Contains("section 'Drawings', not section 'Contracts'", error.Message, StringComparison.Ordinal);
        Assert.Empty(sdk.Emulator.Changes());
    }

    [Theory]
    [InlineData("", "corrupt")]
    [InlineData("{not json", "corrupt")]
    [InlineData("null", "not a ditio-docs manifest")]
    [InlineData("[]", "not a ditio-docs manifest")]
    [InlineData("{\"targets\":{}}", "not a ditio-docs manifest")]
    [InlineData("{\"version\":2,\"folder\":null,\"target\":null}", "corrupt")]
    [InlineData("{\"version\":2,\"folder\":\"FOLDER\",\"target\":\"TARGET\",\"entries\":{\"|a.pdf\":null}}", "corrupt")]
    [InlineData("{\"version\":2,\"folder\":\"FOLDER\",\"target\":\"TARGET\",\"entries\":null}", "corrupt")]
    [InlineData("{\"version\":3,\"folder\":\"FOLDER\",\"target\":\"TARGET\"}", "newer than this version")]
    [InlineData("{\"version\":1,\"targets\":{\"TARGET\":{}}}", "does not record the folder")]
    public async Task BrokenOrForeignManifest_StopsWithAMessageNamingTheFile_AndSendsNothing(string json, string expected)
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _a.Write("a.pdf", 100);
        var target = $"project:{DitioEmulator.SampleProjectId}";
        File.WriteAllText(ManifestOf(_a), json.Replace("FOLDER", JsonEncodedText.Encode(_a.Folder).ToString(), StringComparison.Ordinal).Replace("TARGET", target, StringComparison.Ordinal));
        var before = File.ReadAllBytes(ManifestOf(_a));

        var error = await Assert.ThrowsAsync<DitioSyncManifestException>(() => sdk.Client.SyncFolderAsync(_a.Folder, sdk.Project, new() { DeleteRemoved = true }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(ManifestOf(_a), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sdk.Emulator.Journal, r => r.Path.Contains("/documents", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllBytes(ManifestOf(_a)));
    }

    [Fact]
    public async Task Manifest_RecordsFolderTargetSectionAndVersion_AndLeavesNoTemporaryFile()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        _a.Write("a.pdf", 100);

        await sdk.Client.SyncFolderAsync(_a.Folder, sdk.Project, new() { Section = "Drawings" });

        using var manifest = JsonDocument.Parse(File.ReadAllText(ManifestOf(_a)));
        var root = manifest.RootElement;
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        Assert.Equal(_a.Folder, root.GetProperty("folder").GetString());
        Assert.Equal($"project:{DitioEmulator.SampleProjectId}", root.GetProperty("target").GetString());
        Assert.Equal("Drawings", root.GetProperty("section").GetString());
        Assert.Equal([DocumentSyncOptions.DefaultManifestFileName, "a.pdf"], Directory.GetFiles(_a.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
