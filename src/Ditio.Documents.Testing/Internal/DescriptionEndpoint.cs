using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ditio.Documents.Testing.Internal;

/// <summary>
/// <c>PUT projects/{id}/documents/description[?section=]</c>: the text above a project's folder or one of its pages.
/// Owns the descriptions and the emulator's rules for them (see the README's decisions): 404 until the folder or
/// page exists, 400 past <see cref="MaxLength"/> characters, 413 past <see cref="MaxBodyBytes"/>.
/// </summary>
internal sealed class DescriptionEndpoint(EmulatorStore store)
{
    /// <summary>Ditio's limit in its newest notes; longer text is refused with 400.</summary>
    public const int MaxLength = 10_000;

    /// <summary>The largest body read (64 KiB); a larger one is refused with 413 before it is parsed.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string?> _descriptions = new(StringComparer.Ordinal);

    /// <summary>The description set on a folder (<paramref name="section"/> null) or page, if any.</summary>
    public string? Get(string projectId, string? section) =>
        Locked(() => _descriptions.GetValueOrDefault(section is null ? FolderId(projectId) : EmulatorStore.PageExternalId(projectId, section)));

    public async Task SetAsync(HttpContext context, string projectId, bool isWorkOrder)
    {
        if (isWorkOrder)
        {
            // Ditio documents the route for projects only.
            await EmulatorJson.ErrorAsync(context, 404, "NotFound", $"No route {context.Request.Path}.");
            return;
        }

        if (context.Request.ContentLength is > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsync($"Request Entity Too Large: the limit is {MaxBodyBytes} bytes.", context.RequestAborted);
            return;
        }

        var (read, problem) = await ReadAsync(context);
        if (problem is not null)
        {
            await Invalid(context, problem.Value.Code, problem.Value.Message);
            return;
        }

        var section = context.Request.Query["section"].ToString();
        var (externalId, title) = Find(projectId, string.IsNullOrWhiteSpace(section) ? null : section.Trim());
        if (externalId is null)
        {
            await EmulatorJson.ErrorAsync(context, 404, "NotFound", string.IsNullOrWhiteSpace(section)
                ? $"The project '{projectId}' has no document folder yet: upload a document first."
                : $"The project '{projectId}' has no page '{section}' yet: upload a document to it first.");
            return;
        }

        Locked(() => _descriptions[externalId] = read);
        await EmulatorJson.WriteAsync(context, 200, new { externalId, title, description = read });
    }

    /// <summary>The folder (or page) as it stands: a folder exists while the project holds a document, a page while it holds one.</summary>
    private (string? ExternalId, string? Title) Find(string projectId, string? section)
    {
        var documents = store.Documents(d => d.ProjectId == projectId);
        if (section is null)
        {
            var project = store.FindProject(p => p.Id == projectId).Project!;
            return documents.Count == 0 ? (null, null) : (FolderId(projectId), $"{project.ProjectNumber} – {project.Name}");
        }

        var pageId = EmulatorStore.PageExternalId(projectId, section);
        var page = documents.FirstOrDefault(d => d.PageExternalId == pageId);
        return page is null ? (null, null) : (pageId, page.Section);
    }

    private static async Task<(string? Description, (string Code, string Message)? Problem)> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("description", out var value)
                || value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, ("Required", "The body must be {\"description\": string | null}."));
            }

            var text = value.GetString();
            return text is { Length: > MaxLength }
                ? (null, ("TooLong", $"The description has {text.Length} characters; at most {MaxLength} are allowed."))
                : (text, null);
        }
        catch (JsonException ex)
        {
            return (null, ("InvalidJson", $"The body is not JSON: {ex.Message}"));
        }
    }

    private static Task Invalid(HttpContext context, string code, string message) =>
        EmulatorJson.WriteAsync(context, StatusCodes.Status400BadRequest, new
        {
            message = "Validation failed",
            errors = new[] { new { category = "Description", code, field = "description", message } },
        });

    private static string FolderId(string projectId) => $"int-projdocs:{projectId}";

    private T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }
}
