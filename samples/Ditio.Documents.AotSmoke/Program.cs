// A Native AOT consumer of Ditio.Documents, run by CI against a ditio-emulator in another process (DITIO_API_BASE,
// DITIO_IDENTITY_BASE, DITIO_CLIENT_ID, DITIO_CLIENT_SECRET): lookups, upload, list, download, delete and a folder sync,
// through DitioDocumentsClient.Create and through AddDitioDocuments(configuration). Prints each step; exit code 0 when
// every step passed, 1 when one failed.
using Ditio.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var settings = new Dictionary<string, string?>
{
    ["Ditio:ApiBaseUrl"] = Required("DITIO_API_BASE"),
    ["Ditio:IdentityBaseUrl"] = Required("DITIO_IDENTITY_BASE"),
    ["Ditio:ClientId"] = Required("DITIO_CLIENT_ID"),
    ["Ditio:ClientSecret"] = Required("DITIO_CLIENT_SECRET"),
};
var work = Directory.CreateTempSubdirectory("ditio-aot-smoke-");
try
{
    // Options bound from configuration by the SDK (the configuration binding generator's code, no reflection).
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    await using (var provider = new ServiceCollection().AddDitioDocuments(configuration.GetSection("Ditio")).Services.BuildServiceProvider())
    {
        var viaDi = provider.GetRequiredService<IDitioDocumentsClient>();
        Step($"DI client: {(await viaDi.GetProjectsAsync()).Count} projects");
    }

    using var ditio = DitioDocumentsClient.Create(new DitioDocumentsOptions
    {
        ApiBaseUrl = new Uri(settings["Ditio:ApiBaseUrl"]!),
        IdentityBaseUrl = new Uri(settings["Ditio:IdentityBaseUrl"]!),
        ClientId = settings["Ditio:ClientId"],
        ClientSecret = settings["Ditio:ClientSecret"],
    });

    var projects = await ditio.GetProjectsAsync();
    Check(projects.Count > 0, "no projects");
    var project = await ditio.FindProjectByNumberAsync(projects[0].ProjectNumber) ?? throw new SmokeFailedException("project by number not found");
    Step($"lookups: {projects.Count} projects; {project.ProjectNumber} has id {project.Id}");
    var workOrders = await ditio.GetWorkOrdersAsync(project.Id);
    Step($"lookups: {workOrders.Count} work orders on {project.ProjectNumber}");

    var target = DocumentTarget.Project(project.Id);
    var bytes = new byte[300_000];
    new Random(12).NextBytes(bytes);
    var file = Path.Combine(work.FullName, "aot-smoke.bin");
    await File.WriteAllBytesAsync(file, bytes);
    var uploaded = await ditio.UploadFileAsync(target, file, new DocumentUploadOptions { Section = "AOT smoke" });
    var id = uploaded.Files.Single().FileReferenceId ?? throw new SmokeFailedException("the upload answer names no file reference id");
    Step($"upload: {Path.GetFileName(file)} ({bytes.Length} bytes) is {id} on page \"{uploaded.Section}\"");

    var pages = await ditio.GetPagesAsync(target);
    var listed = pages.SelectMany(p => p.Files).Count(f => f.FileReferenceId == id);
    Check(listed == 1, $"the listing shows {id} {listed} times");
    Step($"list: {pages.Count} pages, {pages.Sum(p => p.Files.Count)} documents, ours among them");

    await using (var download = await ditio.DownloadAsync(target, id))
    {
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        Check(copy.ToArray().AsSpan().SequenceEqual(bytes), "the download differs from the upload");
        Step($"download: {copy.Length} bytes, equal to the upload ({download.ContentType})");
    }

    var description = await ditio.SetDescriptionAsync(target, "Uploaded by the Native AOT smoke test.", "AOT smoke");
    Step($"description: \"{description.Description}\"");

    await ditio.DeleteAsync(target, id);
    Check(!(await ditio.GetPagesAsync(target)).SelectMany(p => p.Files).Any(f => f.FileReferenceId == id), $"{id} is still listed");
    Step($"delete: {id} is gone");

    var folder = Directory.CreateDirectory(Path.Combine(work.FullName, "sync"));
    await File.WriteAllTextAsync(Path.Combine(folder.FullName, "a.txt"), "first");
    await File.WriteAllTextAsync(Path.Combine(folder.FullName, "b.txt"), "second");
    var sync = new DocumentSyncOptions { Section = "AOT sync", DeleteRemoved = true };
    var first = await ditio.SyncFolderAsync(folder.FullName, target, sync);
    Check(first is { Added: 2, Failed: 0 }, $"first sync: {first.Added} added, {first.Failed} failed");
    File.Delete(Path.Combine(folder.FullName, "b.txt"));
    var second = await ditio.SyncFolderAsync(folder.FullName, target, sync);
    Check(second is { Unchanged: 1, Deleted: 1, Failed: 0 }, $"second sync: {second.Unchanged} unchanged, {second.Deleted} deleted, {second.Failed} failed");
    Step($"sync: {first.Added} added; then {second.Unchanged} unchanged, {second.Deleted} deleted (manifest read and written)");
    foreach (var item in first.Items.Concat(second.Items).Where(i => i.FileReferenceId is not null).DistinctBy(i => i.FileReferenceId))
    {
        try
        {
            await ditio.DeleteAsync(target, item.FileReferenceId!);
        }
        catch (DitioApiException ex) when (ex.IsNotFound)
        {
            // Deleted by the second sync already.
        }
    }

    Step("All steps passed.");
    return 0;
}
catch (Exception ex) when (ex is DitioException or SmokeFailedException)
{
    Console.Error.WriteLine($"FAILED: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
finally
{
    work.Delete(recursive: true);
}

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: run against a ditio-emulator (eval \"$(ditio-emulator --port 0 | head -4)\").");

static void Step(string message) => Console.WriteLine($"[aot-smoke] {message}");

static void Check(bool condition, string failure)
{
    if (!condition)
    {
        throw new SmokeFailedException(failure);
    }
}

internal sealed class SmokeFailedException(string message) : Exception(message);
