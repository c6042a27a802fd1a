using System.Security.Cryptography;
using System.Text;

namespace Ditio.Documents.Quickstart;

/// <summary>
/// Lists projects, finds one by number, lists its work orders, uploads two documents to "Drawings" (one with a
/// Norwegian name), lists the page, downloads one and checks its bytes, re-uploads with replace, uploads to a work
/// order, and deletes. Remembers what it created, so <see cref="CleanUpAsync"/> deletes exactly that.
/// </summary>
internal sealed class QuickstartFlow(IDitioDocumentsClient ditio, string projectNumber)
{
    private const string Section = "Drawings";
    private readonly string _folder = Directory.CreateTempSubdirectory("ditio-quickstart-").FullName;
    private readonly List<(DocumentTarget Target, string Id)> _created = [];

    public async Task RunAsync()
    {
        var projects = await ditio.GetProjectsAsync();
        Transcript.Step($"Projects: {projects.Count}");
        foreach (var p in projects.Take(5))
        {
            Transcript.Detail($"{p.ProjectNumber,-28} {p.Name} ({p.Id})");
        }

        var project = await ditio.FindProjectByNumberAsync(projectNumber)
            ?? throw new QuickstartCheckFailedException($"No project with number '{projectNumber}' (set DITIO_PROJECT_NUMBER).");
        Transcript.Step($"Found project {project.ProjectNumber} \"{project.Name}\" by its number: id {project.Id}");

        var workOrders = await ditio.GetWorkOrdersAsync(project.Id);
        Transcript.Step($"Work orders of {project.ProjectNumber}: {string.Join(", ", workOrders.Select(w => $"{w.ExternalId} {w.Name}"))}");

        var target = DocumentTarget.Project(project.Id);
        var plan = WriteFile("Site-plan.pdf", 40_000, 1);
        var drawing = WriteFile("Tegning-Ø1 (rev B) «Fjellhall».pdf", 120_000, 2);
        var uploaded = await ditio.UploadAsync(target, [DocumentUploadFile.FromPath(plan), DocumentUploadFile.FromPath(drawing)], new DocumentUploadOptions { Section = Section });
        Remember(target, uploaded);
        Transcript.Step($"Uploaded {uploaded.Files.Count} documents to section \"{uploaded.Section}\" (page {uploaded.PageExternalId})");
        foreach (var file in uploaded.Files)
        {
            Transcript.Detail($"{file.Name} ({file.Size} bytes) -> fileReferenceId {file.FileReferenceId}");
        }

        await ShowPageAsync(target, [Path.GetFileName(plan), Path.GetFileName(drawing)]);

        var drawingId = uploaded.Files.Single(f => f.Name == Path.GetFileName(drawing)).FileReferenceId!;
        await using (var download = await ditio.DownloadAsync(target, drawingId))
        {
            using var bytes = new MemoryStream();
            await download.Content.CopyToAsync(bytes);
            Check(Hash(bytes.ToArray()) == Hash(File.ReadAllBytes(drawing)), "the downloaded bytes differ from the uploaded ones");
            Transcript.Step($"Downloaded \"{download.FileName}\" ({bytes.Length} bytes, {download.ContentType}): bytes match");
        }

        var replaced = await ditio.UploadFileAsync(target, plan, new DocumentUploadOptions { Section = Section, ReplaceExistingFilesWithSameName = true });
        Forget(target, uploaded.Files.Single(f => f.Name == Path.GetFileName(plan)).FileReferenceId!);
        Remember(target, replaced);
        Transcript.Step($"Re-uploaded {Path.GetFileName(plan)} with replaceExistingFilesWithSameName=true");
        await ShowPageAsync(target, [Path.GetFileName(plan), Path.GetFileName(drawing)]);

        if (workOrders.Count > 0)
        {
            var workOrder = DocumentTarget.WorkOrder(workOrders[0].Id);
            var onWorkOrder = await ditio.UploadFileAsync(workOrder, WriteFile("Method-statement.pdf", 20_000, 3));
            Remember(workOrder, onWorkOrder);
            Transcript.Step($"Uploaded Method-statement.pdf to work order {workOrders[0].ExternalId}: section \"{onWorkOrder.Section}\"");
        }

        await ditio.DeleteAsync(target, drawingId);
        Forget(target, drawingId);
        Transcript.Step($"Deleted {Path.GetFileName(drawing)}");
    }

    /// <summary>Deletes every document this run created and has not deleted yet, then the temporary files.</summary>
    public async Task CleanUpAsync()
    {
        if (_created.Count > 0)
        {
            Transcript.Step($"Cleaning up the {_created.Count} documents this run created");
        }

        foreach (var (target, id) in _created.ToList())
        {
            try
            {
                await ditio.DeleteAsync(target, id);
                Transcript.Detail($"cleaned up {id}");
            }
            catch (DitioException ex)
            {
                Transcript.Detail($"could not clean up {id}: {ex.Message}");
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task ShowPageAsync(DocumentTarget target, string[] expected)
    {
        var page = (await ditio.GetPagesAsync(target)).SingleOrDefault(p => string.Equals(p.Section, Section, StringComparison.OrdinalIgnoreCase))
            ?? throw new QuickstartCheckFailedException($"No page \"{Section}\" on the project.");
        Transcript.Step($"Page \"{page.Section}\" holds {page.Files.Count} documents: {string.Join(", ", page.Files.Select(f => f.Name))}");
        foreach (var name in expected)
        {
            Check(page.Files.Count(f => f.Name == name) == 1, $"the page should hold '{name}' exactly once");
        }
    }

    private void Remember(DocumentTarget target, DocumentUploadResult result) =>
        _created.AddRange(result.Files.Select(f => (target, f.FileReferenceId!)));

    private void Forget(DocumentTarget target, string id) => _created.RemoveAll(c => c.Target == target && c.Id == id);

    private string WriteFile(string name, int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new QuickstartCheckFailedException(failure);
        }
    }
}
