using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ditio.Documents.Testing.Internal;

/// <summary>
/// Upload, list, download and delete on <c>projects/{id}/documents</c> and <c>tasks/{id}/documents</c>, with the
/// guide's semantics. A project route sees its whole folder; a work-order route sees what was uploaded through it.
/// </summary>
internal sealed class DocumentEndpoints(DitioEmulatorOptions options, EmulatorStore store, EmulatorFaults faults)
{
    private readonly UploadReader _uploads = new(options, store);

    /// <summary>Gets the description route's state, for <see cref="DitioEmulator.GetDescription"/>.</summary>
    public DescriptionEndpoint Descriptions { get; } = new(store);

    public async Task<bool> TryHandleAsync(HttpContext context, string[] route)
    {
        if (route is not [("projects" or "tasks") and var kind, var id, "documents", .. var rest] || rest.Length > 1)
        {
            return false;
        }

        var target = Resolve(kind, id);
        if (target is null)
        {
            await EmulatorJson.ErrorAsync(context, 404, "NotFound", $"No {(kind == "projects" ? "project" : "work order")} with id '{id}'.");
            return true;
        }

        if (!target.Ours)
        {
            await EmulatorJson.BusinessErrorAsync(context, 403, $"The {(kind == "projects" ? "project" : "work order")} '{id}' is not in your company.");
            return true;
        }

        var method = context.Request.Method;
        var handling = (rest, method) switch
        {
            ([], "POST") => UploadAsync(context, target),
            ([], "GET") => ListAsync(context, target),
            (["description"], "PUT") => Descriptions.SetAsync(context, target.ProjectId, isWorkOrder: target.WorkOrderId is not null),
            ([var file], "GET") => DownloadAsync(context, target, file),
            ([var file], "DELETE") => DeleteAsync(context, target, file),
            _ => EmulatorJson.ErrorAsync(context, 405, "MethodNotAllowed", $"{method} is not allowed here."),
        };
        await handling;
        return true;
    }

    private Target? Resolve(string kind, string id)
    {
        if (kind == "projects")
        {
            var (project, ours) = store.FindProject(p => p.Id == id);
            return project is null ? null : new Target(project.Id, null, "Documents", ours);
        }

        var (workOrder, mine) = store.FindWorkOrder(id);
        return workOrder is null ? null : new Target(workOrder.ProjectId, workOrder.Id, DefaultSection(workOrder), mine);
    }

    /// <summary>The emulator's choice for Ditio's undocumented default: "{externalId} {short description or name}".</summary>
    internal static string DefaultSection(DitioWorkOrder workOrder) =>
        string.Join(' ', new[] { workOrder.ExternalId, workOrder.WorkDescriptionShort ?? workOrder.Name }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private async Task UploadAsync(HttpContext context, Target target)
    {
        var section = context.Request.Query["section"].ToString();
        section = faults.ReportSectionAs ?? (string.IsNullOrWhiteSpace(section) ? target.DefaultSection : section.Trim());
        var replace = string.Equals(context.Request.Query["replaceExistingFilesWithSameName"], "true", StringComparison.OrdinalIgnoreCase);
        var pageId = EmulatorStore.PageExternalId(target.ProjectId, section);
        var now = options.TimeProvider.GetUtcNow();
        var result = await _uploads.ReadAsync(context, (name, path, sha, size, type) => new EmulatedDocument
        {
            FileReferenceId = store.NewId(),
            ProjectId = target.ProjectId,
            WorkOrderId = target.WorkOrderId,
            Section = section,
            PageExternalId = pageId,
            Name = name,
            Size = size,
            Sha256 = sha,
            ContentType = type,
            CreatedDateTime = now,
            StoragePath = path,
        });
        if (result.TooLarge)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsync($"Request Entity Too Large: the limit is {options.MaxRequestBytes} bytes.", context.RequestAborted);
            return;
        }

        if (result.Errors.Count > 0)
        {
            await EmulatorJson.ValidationAsync(context, result.Errors);
            return;
        }

        if (result.Files.Count == 0)
        {
            await EmulatorJson.BusinessErrorAsync(context, 400, "No files were sent: add one part named 'file' per document.");
            return;
        }

        var (created, page) = store.Attach(result.Files, replace);
        if (faults.ReverseUploadAnswers)
        {
            created = [.. created.Reverse()];
        }

        if (faults.TakeAnsweredId() is { } lie)
        {
            created = [created[0] with { FileReferenceId = lie }, .. created.Skip(1)];
        }

        await EmulatorJson.WriteAsync(context, 200, new
        {
            successful = true,
            message = "Documents uploaded and attached ok",
            section = created[0].Section,
            pageExternalId = pageId,
            files = created.Select(d => new
            {
                name = d.Name,
                size = d.Size,
                url = $"/api/file/{d.FileReferenceId}",
                fileReference = new
                {
                    id = d.FileReferenceId,
                    collectionRef = "InfoMessage",
                    fileNameOrig = d.Name,
                    fileType = Path.GetExtension(d.Name).TrimStart('.').ToLowerInvariant(),
                    fileSize = d.Size,
                    createdDateTime = d.CreatedDateTime,
                },
            }),
            infoPageFiles = page.Select(d => new { fileReferenceId = d.FileReferenceId, name = d.Name }),
        });
    }

    private Task ListAsync(HttpContext context, Target target)
    {
        var pages = store.Documents(target.Sees)
            .GroupBy(d => d.PageExternalId)
            .Select(g => new
            {
                section = g.First().Section,
                pageExternalId = g.Key,
                files = g.Select(d => new { fileReferenceId = d.FileReferenceId, name = d.Name }),
            });
        return EmulatorJson.WriteAsync(context, 200, pages.ToList());
    }

    private async Task DownloadAsync(HttpContext context, Target target, string fileReferenceId)
    {
        var document = store.Documents(d => d.FileReferenceId == fileReferenceId && target.Sees(d)).SingleOrDefault();
        if (document is null)
        {
            await EmulatorJson.ErrorAsync(context, 404, "NotFound", $"No document '{fileReferenceId}' on this {(target.WorkOrderId is null ? "project" : "work order")}.");
            return;
        }

        Stream file;
        try
        {
            file = new FileStream(document.StoragePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            await EmulatorJson.ErrorAsync(context, 404, "NotFound", $"No document '{fileReferenceId}'.");
            return;
        }

        await using (file)
        {
            var disposition = new ContentDispositionHeaderValue("attachment") { FileName = AsciiFallback(document.Name), FileNameStar = document.Name };
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = document.Size;
            context.Response.Headers.ContentDisposition = disposition.ToString();
            await file.CopyToAsync(context.Response.Body, 81920, context.RequestAborted);
        }
    }

    private Task DeleteAsync(HttpContext context, Target target, string fileReferenceId)
    {
        if (store.Remove(fileReferenceId, target.Sees) is null)
        {
            return EmulatorJson.ErrorAsync(context, 404, "NotFound", $"No document '{fileReferenceId}' on this {(target.WorkOrderId is null ? "project" : "work order")}.");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static string AsciiFallback(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(c is >= ' ' and < '\u007f' and not '"' and not '\\' ? c : '_');
        }

        return text.ToString();
    }

    private sealed record Target(string ProjectId, string? WorkOrderId, string DefaultSection, bool Ours)
    {
        public bool Sees(EmulatedDocument document) =>
            document.ProjectId == ProjectId && (WorkOrderId is null || document.WorkOrderId == WorkOrderId);
    }
}
