using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>ditio-docs describe as a real process against an emulator.</summary>
public sealed class CliDescribeTests : IDisposable
{
    private const string ProjectId = DitioEmulator.SampleProjectId;
    private readonly TestFiles _files = new();

    [Fact]
    public async Task Describe_FolderAndSection_SetsTheText_JsonShowsTheAnswer_AndClearClears()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        using (var ditio = DitioDocumentsClient.Create(emulator.CreateClientOptions()))
        {
            await ditio.UploadFileAsync(DocumentTarget.Project(ProjectId), _files.Write("Drawing-A1.pdf", 100), new() { Section = "Drawings" });
        }

        var folder = await DitioDocsProcess.RunAsync(emulator, "describe", DitioEmulator.SampleProjectNumber, "Alt om «Fjellhall»");
        var page = await DitioDocsProcess.RunAsync(emulator, "describe", $"id:{ProjectId}", "--section", "Drawings", "Rev B", "--json");

        Assert.True(folder.ExitCode == 0, folder.ToString());
        Assert.Equal("Described the folder of project P-2026-001 (Prosjekt Fjellhall) (18 characters).", folder.Lines.Single());
        Assert.Equal("Alt om «Fjellhall»", emulator.GetDescription(ProjectId));
        Assert.True(page.ExitCode == 0, page.ToString());
        Assert.Equal(($"int-projdocs:{ProjectId}:drawings", "Drawings", "Rev B"), (page.Json.GetProperty("externalId").GetString(), page.Json.GetProperty("title").GetString(), page.Json.GetProperty("description").GetString()));
        Assert.Equal("Rev B", emulator.GetDescription(ProjectId, "Drawings"));

        var cleared = await DitioDocsProcess.RunAsync(emulator, "describe", DitioEmulator.SampleProjectNumber, "--section", "Drawings", "--clear");

        Assert.True(cleared.ExitCode == 0, cleared.ToString());
        Assert.Null(emulator.GetDescription(ProjectId, "Drawings"));
    }

    [Fact]
    public async Task Describe_NoPageYet_WorkOrder_OrNoText_ExitsWith2AndSaysWhy()
    {
        await using var emulator = await DitioEmulator.StartAsync();

        var noPage = await DitioDocsProcess.RunAsync(emulator, "describe", DitioEmulator.SampleProjectNumber, "--section", "Drawings", "x");
        var workOrder = await DitioDocsProcess.RunAsync(emulator, "describe", $"wo:{DitioEmulator.SampleWorkOrderId}", "x");
        var noText = await DitioDocsProcess.RunAsync(emulator, "describe", DitioEmulator.SampleProjectNumber);

        Assert.Equal((2, 2, 2), (noPage.ExitCode, workOrder.ExitCode, noText.ExitCode));
        Assert.Contains("not found:", noPage.Stderr, StringComparison.Ordinal);
        Assert.Contains("no page 'Drawings' yet", noPage.Stderr, StringComparison.Ordinal);
        Assert.Contains("describe needs a project", workOrder.Stderr, StringComparison.Ordinal);
        Assert.Contains("--clear", noText.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Journal, r => r.Method == "PUT" && r.StatusCode == 200);
    }

    public void Dispose() => _files.Dispose();
}
