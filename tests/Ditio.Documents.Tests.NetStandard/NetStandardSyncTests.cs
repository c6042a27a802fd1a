using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests;

/// <summary>
/// Sync on the netstandard2.0 build, in the unit suite. There the folder walk, relative paths, hashing and the
/// manifest's atomic replace are the shims of src/Ditio.Documents/Internal/Compat/FileCompat.cs.
/// </summary>
public sealed class NetStandardSyncTests : IDisposable
{
    private readonly DitioWireMock _mock = new();
    private readonly TestClient _sdk;
    private readonly string _folder = Directory.CreateTempSubdirectory("ditio-netfx-sync-").FullName;

    public NetStandardSyncTests() => _sdk = new TestClient(_mock);

    [Fact]
    public async Task SyncFolderAsync_TwoRuns_SendsTheVisibleFile_SkipsHiddenOnes_AndReplacesTheManifest()
    {
        var documents = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
        _mock.GivenJson("GET", documents, 200, "[]");
        _mock.GivenJson("POST", documents, 200, DitioWireMock.UploadOk("Drawing-A1.pdf"));
        File.WriteAllText(Path.Combine(_folder, "Drawing-A1.pdf"), "%PDF drawing");
        File.WriteAllText(Path.Combine(_folder, ".hidden-notes.pdf"), "not for Ditio");
        Directory.CreateDirectory(Path.Combine(_folder, ".cache"));
        File.WriteAllText(Path.Combine(_folder, ".cache", "Inside-hidden-folder.pdf"), "not for Ditio");

        var first = await _sdk.Client.SyncFolderAsync(_folder, DocumentTarget.Project(DitioWireMock.ProjectId));
        var manifests = Directory.GetFiles(_folder).Where(f => !f.EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        var firstManifest = File.ReadAllText(Assert.Single(manifests));
        var second = await _sdk.Client.SyncFolderAsync(_folder, DocumentTarget.Project(DitioWireMock.ProjectId));

        var uploads = _mock.RequestsTo(documents).Where(r => r.Method == "POST").ToList();
        Assert.NotEmpty(uploads);
        Assert.All(uploads, u => Assert.Contains("Drawing-A1.pdf", u.Body, StringComparison.Ordinal));
        Assert.All(uploads, u => Assert.DoesNotContain("hidden", u.Body, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(first.Items, i => i.RelativePath == "Drawing-A1.pdf");
        Assert.All(
            first.Items.Concat(second.Items).Where(i => i.RelativePath.Contains("hidden", StringComparison.Ordinal) || i.RelativePath.StartsWith(".cache", StringComparison.Ordinal)),
            i => Assert.Equal(DocumentSyncAction.Excluded, i.Action));
        Assert.Contains("Drawing-A1.pdf", firstManifest, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_folder), f => !f.EndsWith(".pdf", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
