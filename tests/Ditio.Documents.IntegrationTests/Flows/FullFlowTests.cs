using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Flows;

public sealed class FullFlowTests : IDisposable
{
    private const string NorwegianName = "Tegning-Ø1 (rev B) «Fjellhall».pdf";
    private readonly TestFiles _files = new();

    [Fact]
    public async Task WholeFlow_ThroughTheSdk_LeavesExactlyTheExpectedDocuments()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var client = sdk.Client;

        var projects = await client.GetProjectsAsync();
        Assert.Contains(projects, p => p.ProjectNumber == DitioEmulator.SampleProjectNumber);
        Assert.DoesNotContain(projects, p => p.Id == DitioEmulator.OtherCompanyProjectId);

        var project = await client.FindProjectByNumberAsync(DitioEmulator.SampleProjectNumber);
        Assert.Equal(("Prosjekt Fjellhall", DitioEmulator.SampleProjectId), (project!.Name, project.Id));
        var awkward = await client.FindProjectByNumberAsync(DitioEmulator.SampleAwkwardProjectNumber);
        Assert.Equal("Ærfugl Øst, Å-kryss", awkward!.Name);
        Assert.Null(await client.FindProjectByNumberAsync("P-0000-404"));

        var workOrders = await client.GetWorkOrdersAsync(project.Id);
        Assert.Equal(["WO-100", "WO-101"], workOrders.Select(w => w.ExternalId));

        var plan = _files.Write("Plan.pdf", 50_000, seed: 1);
        var drawing = _files.Write(NorwegianName, 70_000, seed: 2);
        var uploaded = await client.UploadAsync(
            sdk.Project, [DocumentUploadFile.FromPath(plan), DocumentUploadFile.FromPath(drawing)], new DocumentUploadOptions { Section = "Drawings" });
        Assert.Equal(["Plan.pdf", NorwegianName], uploaded.Files.Select(f => f.Name));
        Assert.Equal($"int-projdocs:{DitioEmulator.SampleProjectId}:drawings", uploaded.PageExternalId);

        var page = Assert.Single(await client.GetPagesAsync(sdk.Project));
        Assert.Equal("Drawings", page.Section);
        Assert.Equal(2, page.Files.Count);

        var drawingId = uploaded.Files[1].FileReferenceId!;
        await using (var download = await client.DownloadAsync(sdk.Project, drawingId))
        {
            using var bytes = new MemoryStream();
            await download.Content.CopyToAsync(bytes);
            Assert.Equal(NorwegianName, download.FileName);
            Assert.Equal(70_000, download.ContentLength);
            Assert.Equal(TestFiles.Sha256(drawing), TestFiles.Sha256(bytes.ToArray()));
        }

        var replaced = await client.UploadFileAsync(sdk.Project, plan, new DocumentUploadOptions { Section = "drawings", ReplaceExistingFilesWithSameName = true });
        Assert.Equal(2, replaced.PageFiles.Count);
        Assert.Equal(2, sdk.Emulator.GetDocuments(DitioEmulator.SampleProjectId).Count);

        var method = _files.Write("Method-statement.pdf", 10_000, seed: 3);
        var onWorkOrder = await client.UploadFileAsync(sdk.WorkOrder, method);
        Assert.Equal("WO-100 Sprengning adkomsttunnel", onWorkOrder.Section);
        Assert.Single(await client.GetPagesAsync(sdk.WorkOrder));
        Assert.Equal(2, (await client.GetPagesAsync(sdk.Project)).Count);

        await client.DeleteAsync(sdk.Project, drawingId);
        var missing = await Assert.ThrowsAsync<DitioApiException>(() => client.DeleteAsync(sdk.Project, drawingId));
        Assert.True(missing.IsNotFound);

        var stored = sdk.Emulator.GetDocuments(DitioEmulator.SampleProjectId);
        Assert.Equal(["Method-statement.pdf", "Plan.pdf"], stored.Select(d => d.Name).Order());
        Assert.Equal(TestFiles.Sha256(plan), stored.Single(d => d.Name == "Plan.pdf").Sha256);
        Assert.Equal(1, sdk.Emulator.TokensIssued);
    }

    public void Dispose() => _files.Dispose();
}
