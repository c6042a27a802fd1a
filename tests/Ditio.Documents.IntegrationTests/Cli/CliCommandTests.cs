using System.Text.Json;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>ditio-docs projects, work-orders, ls, push, get and rm as a real process against an emulator.</summary>
public sealed class CliCommandTests : IDisposable
{
    private const string ProjectId = DitioEmulator.SampleProjectId;
    private readonly TestFiles _files = new();

    [Fact]
    public async Task Projects_PrintsNumberNameAndId_AndJsonIsTheListOfProjects()
    {
        await using var emulator = await DitioEmulator.StartAsync();

        var text = await DitioDocsProcess.RunAsync(emulator, "projects");
        var json = await DitioDocsProcess.RunAsync(emulator, "projects", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(["NUMBER", "NAME", "ID"], text.Lines[0].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(text.Lines, l => l.StartsWith("P-2026-001", StringComparison.Ordinal) && l.Contains("Prosjekt Fjellhall", StringComparison.Ordinal) && l.EndsWith(ProjectId, StringComparison.Ordinal));
        Assert.Contains(text.Lines, l => l.StartsWith(DitioEmulator.SampleAwkwardProjectNumber, StringComparison.Ordinal));
        Assert.Equal("", text.Stderr);
        Assert.Equal(0, json.ExitCode);
        var sample = json.Json.EnumerateArray().Single(p => p.GetProperty("projectNumber").GetString() == DitioEmulator.SampleProjectNumber);
        Assert.Equal((ProjectId, "Prosjekt Fjellhall"), (sample.GetProperty("id").GetString(), sample.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task WorkOrders_OfAProjectNumber_ListsThem_AndOfAWorkOrderTarget_IsAUsageError()
    {
        await using var emulator = await DitioEmulator.StartAsync();

        var text = await DitioDocsProcess.RunAsync(emulator, "work-orders", DitioEmulator.SampleProjectNumber);
        var json = await DitioDocsProcess.RunAsync(emulator, "work-orders", $"id:{ProjectId}", "--json");
        var wrong = await DitioDocsProcess.RunAsync(emulator, "work-orders", $"wo:{DitioEmulator.SampleWorkOrderId}");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains(text.Lines, l => l.StartsWith(DitioEmulator.SampleWorkOrderId, StringComparison.Ordinal) && l.Contains("WO-100", StringComparison.Ordinal) && l.EndsWith("Sprengning", StringComparison.Ordinal));
        Assert.Equal(["WO-100", "WO-101"], json.Json.EnumerateArray().Select(w => w.GetProperty("externalId").GetString()).Order());
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("work-orders needs a project", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_PrintsALinePerFile_AndStoresThemOnTheSection_WildcardsIncluded()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        var drawing = _files.Write("Tegning-Ø1 (rev B).pdf", 3_000, seed: 1);
        var contract = _files.Write("Contract.docx", 2_000, seed: 2);

        // No shell here: ditio-docs expands the wildcard itself, as it must under cmd and PowerShell.
        var run = await DitioDocsProcess.RunAsync(emulator, "push", DitioEmulator.SampleProjectNumber, Path.Combine(_files.Folder, "Tegning-*.pdf"), contract, "--section", "Drawings");

        Assert.True(run.ExitCode == 0, run.ToString());
        var stored = emulator.GetDocuments(ProjectId);
        Assert.All(stored, d => Assert.Equal("Drawings", d.Section));
        Assert.Equal(TestFiles.Sha256(drawing), stored.Single(d => d.Name == "Tegning-Ø1 (rev B).pdf").Sha256);
        foreach (var document in stored)
        {
            Assert.Contains(run.Lines, l => l.StartsWith("uploaded", StringComparison.Ordinal) && l.Contains(document.Name, StringComparison.Ordinal) && l.EndsWith(document.FileReferenceId, StringComparison.Ordinal));
        }

        Assert.Equal("2 uploaded, 0 failed, to project P-2026-001 (Prosjekt Fjellhall), section 'Drawings' (1 request(s)).", run.Lines[^1]);
    }

    [Fact]
    public async Task Push_ARefusedExe_FailsAlone_ExitCode1_AndJsonReportsEachFile()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        var good = _files.Write("Method.pdf", 1_000);
        var refused = _files.Write("setup.exe", 1_000);

        var run = await DitioDocsProcess.RunAsync(emulator, "push", $"id:{ProjectId}", good, refused, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var json = run.Json;
        Assert.Equal((1, 1), (json.GetProperty("uploaded").GetInt32(), json.GetProperty("failed").GetInt32()));
        var files = json.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal("uploaded", files["Method.pdf"].GetProperty("status").GetString());
        Assert.Equal(emulator.GetDocuments().Single().FileReferenceId, files["Method.pdf"].GetProperty("fileReferenceId").GetString());
        Assert.Equal("failed", files["setup.exe"].GetProperty("status").GetString());
        Assert.Contains(".exe", files["setup.exe"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Method.pdf"], emulator.GetDocuments().Select(d => d.Name));
    }

    [Fact]
    public async Task Push_ToAWorkOrder_WithReplace_KeepsOneCopy()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        var file = _files.Write("Plan.pdf", 1_000, seed: 1);
        var first = await DitioDocsProcess.RunAsync(emulator, "push", $"wo:{DitioEmulator.SampleWorkOrderId}", file);
        _files.Write("Plan.pdf", 1_500, seed: 2);

        var second = await DitioDocsProcess.RunAsync(emulator, "push", $"wo:{DitioEmulator.SampleWorkOrderId}", file, "--replace");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first + "\n" + second);
        var stored = Assert.Single(emulator.GetDocuments());
        Assert.Equal((DitioEmulator.SampleWorkOrderId, TestFiles.Sha256(file)), (stored.WorkOrderId, stored.Sha256));
    }

    [Fact]
    public async Task Ls_ListsSectionIdAndName_AndJsonIsThePages()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var uploaded = await sdk.Client.UploadFileAsync(sdk.Project, _files.Write("Drawing-A1.pdf", 500), new() { Section = "Drawings" });
        var id = uploaded.Files[0].FileReferenceId!;

        var text = await DitioDocsProcess.RunAsync(sdk.Emulator, "ls", DitioEmulator.SampleProjectNumber);
        var json = await DitioDocsProcess.RunAsync(sdk.Emulator, "--json", "ls", $"project-id:{ProjectId}");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(["SECTION", "FILE REFERENCE ID", "NAME"], text.Lines[0].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(["Drawings", id, "Drawing-A1.pdf"], text.Lines[1].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var page = Assert.Single(json.Json.EnumerateArray());
        Assert.Equal("Drawings", page.GetProperty("section").GetString());
        var file = Assert.Single(page.GetProperty("files").EnumerateArray());
        Assert.Equal((id, "Drawing-A1.pdf"), (file.GetProperty("fileReferenceId").GetString(), file.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Get_WithoutOutput_WritesTheOriginalNameInTheCurrentFolder_AndWithOutputThatPath()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var source = _files.Write("Tegning «Fjellhall».pdf", 70_000);
        var id = (await sdk.Client.UploadFileAsync(sdk.Project, source)).Files[0].FileReferenceId!;
        var here = Directory.CreateDirectory(Path.Combine(_files.Folder, "here")).FullName;
        var environment = DitioDocsProcess.EnvironmentFor(sdk.Emulator);

        var plain = await DitioDocsProcess.RunAsync(environment, here, "get", DitioEmulator.SampleProjectNumber, id);
        var named = await DitioDocsProcess.RunAsync(environment, here, "get", DitioEmulator.SampleProjectNumber, id, "-o", "copy.pdf", "--json");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Equal(TestFiles.Sha256(source), TestFiles.Sha256(Path.Combine(here, "Tegning «Fjellhall».pdf")));
        Assert.Contains("(70,000 bytes)", plain.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, named.ExitCode);
        Assert.Equal((Path.Combine(here, "copy.pdf"), 70_000), (named.Json.GetProperty("path").GetString(), named.Json.GetProperty("length").GetInt64()));
        Assert.Equal(TestFiles.Sha256(source), TestFiles.Sha256(Path.Combine(here, "copy.pdf")));
        Assert.Equal(["Tegning «Fjellhall».pdf", "copy.pdf"], Directory.GetFiles(here).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rm_DeletesTheDocument_AndASecondRmIsNotFound_ExitCode2()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var id = (await sdk.Client.UploadFileAsync(sdk.Project, _files.Write("Old.pdf", 100))).Files[0].FileReferenceId!;

        var first = await DitioDocsProcess.RunAsync(sdk.Emulator, "rm", DitioEmulator.SampleProjectNumber, id);
        var again = await DitioDocsProcess.RunAsync(sdk.Emulator, "rm", DitioEmulator.SampleProjectNumber, id);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal($"Deleted {id} from project P-2026-001 (Prosjekt Fjellhall).", first.Stdout.Trim());
        Assert.Empty(sdk.Emulator.GetDocuments());
        Assert.Equal(2, again.ExitCode);
        Assert.StartsWith("ditio-docs: error: not found:", again.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
