using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Ditio.Documents.AspNetSample;

/// <summary>
/// <c>POST /projects/{projectNumber}/documents</c> forwards uploaded files to Ditio, streamed;
/// <c>GET /projects/{projectNumber}/pages</c> lists the project's Info Center pages.
/// </summary>
internal static class DocumentEndpoints
{
    /// <summary>The largest incoming request: ten files at Ditio's limit of 30,000,000 bytes per upload.</summary>
    private const long MaxRequestBytes = 300_000_000;

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder routes)
    {
        var project = routes.MapGroup("/projects/{projectNumber}");
        project.MapPost("/documents", UploadAsync);
        project.MapGet("/pages", ListPagesAsync);
        return routes;
    }

    /// <summary>
    /// Reads the multipart body part by part with <see cref="MultipartReader"/> (never <c>ReadFormAsync</c> or
    /// <c>IFormFile</c>, which buffer every file to memory or disk first) and sends each file part to Ditio as it
    /// arrives: one SDK upload per part, whose body is the part's forward-only stream. No file is ever held whole.
    /// </summary>
    private static async Task<IResult> UploadAsync(
        HttpContext context, string projectNumber, string? section, IDitioDocumentsClient ditio, bool replace = false)
    {
        if (!TryGetBoundary(context.Request, out var boundary))
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a multipart/form-data request", "Send the files as multipart/form-data, one part per file.");
        }

        section = string.IsNullOrWhiteSpace(section) ? null : section.Trim();
        if (section is not null && section.Any(char.IsControl))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid section", "The section must not contain control characters.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }

        projectNumber = ProjectNumberOf(context, projectNumber);
        var cancellationToken = context.RequestAborted;
        var uploaded = new List<UploadedFile>();
        try
        {
            var project = await ditio.FindProjectByNumberAsync(projectNumber, cancellationToken);
            if (project is null)
            {
                return Problem(StatusCodes.Status404NotFound, "Unknown project", $"Ditio has no project with number '{projectNumber}'.");
            }

            var target = DocumentTarget.Project(project.Id);
            var options = new DocumentUploadOptions { Section = section, ReplaceExistingFilesWithSameName = replace };
            DocumentUploadResult? last = null;
            var reader = new MultipartReader(boundary, context.Request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } part)
            {
                // Parts that are not files (form fields) are skipped; the reader drains them on the next call.
                if (FileNameOf(part) is not { } fileName)
                {
                    continue;
                }

                DocumentUploadFile file;
                try
                {
                    file = DocumentUploadFile.FromStream(part.Body, fileName, ContentTypeOf(part));
                }
                catch (ArgumentException ex)
                {
                    return Problem(StatusCodes.Status400BadRequest, "Invalid file name", ex.Message, uploaded);
                }

                last = await ditio.UploadAsync(target, [file], options, cancellationToken);
                uploaded.AddRange(last.Files.Select(f => new UploadedFile(f.FileReferenceId, f.Name, f.Size)));
            }

            if (last is null)
            {
                return Problem(StatusCodes.Status400BadRequest, "No files", "The request has no file parts: send each file as a part with a file name.");
            }

            return TypedResults.Ok(new UploadResponse(project.Id, project.ProjectNumber, last.Section, last.PageExternalId, uploaded));
        }
        catch (Exception ex) when (IncomingRequestFailure(ex) is { } failure)
        {
            // Reading the client's request failed (malformed multipart, too large), possibly while the SDK was
            // sending it on, in which case the SDK reports it as a failed Ditio call with this as the cause.
            return Problem(
                failure is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest,
                "Invalid request body",
                failure.Message,
                uploaded);
        }
        catch (DitioException ex)
        {
            return DitioProblems.From(ex, uploaded);
        }
    }

    private static async Task<IResult> ListPagesAsync(HttpContext context, string projectNumber, IDitioDocumentsClient ditio)
    {
        projectNumber = ProjectNumberOf(context, projectNumber);
        try
        {
            var project = await ditio.FindProjectByNumberAsync(projectNumber, context.RequestAborted);
            if (project is null)
            {
                return Problem(StatusCodes.Status404NotFound, "Unknown project", $"Ditio has no project with number '{projectNumber}'.");
            }

            var pages = await ditio.GetPagesAsync(DocumentTarget.Project(project.Id), context.RequestAborted);
            return TypedResults.Ok(pages.Select(p => new PageResponse(
                p.Section, p.PageExternalId, [.. p.Files.Select(f => new PageFileResponse(f.FileReferenceId, f.Name))])));
        }
        catch (DitioException ex)
        {
            return DitioProblems.From(ex);
        }
    }

    private static bool TryGetBoundary(HttpRequest request, out string boundary)
    {
        boundary = "";
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // RFC 2046: a boundary is 1 to 70 characters.
        boundary = HeaderUtilities.RemoveQuotes(type.Boundary).ToString();
        return boundary.Length is > 0 and <= 70;
    }

    /// <summary>The part's file name: <c>filename*</c> (RFC 5987) when sent, else <c>filename</c>; null for a part that is not a file.</summary>
    private static string? FileNameOf(MultipartSection part)
    {
        if (!ContentDispositionHeaderValue.TryParse(part.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = disposition.FileNameStar.HasValue
            ? disposition.FileNameStar.ToString()
            : HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
        return name.Length == 0 ? null : name;
    }

    /// <summary>The part's media type when it says something; otherwise the SDK derives one from the file name.</summary>
    private static string? ContentTypeOf(MultipartSection part) =>
        System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(part.ContentType, out var type)
            && type.MediaType is { } media
            && !media.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            ? type.ToString()
            : null;

    /// <summary>
    /// The project number as sent. Kestrel decodes the path except <c>%2F</c>, so that an escaped <c>/</c> cannot
    /// split a route; a project number such as <c>P 2026/002</c> therefore arrives as <c>P 2026%2F002</c>. The raw
    /// request target has the segment still escaped: decode it whole.
    /// </summary>
    private static string ProjectNumberOf(HttpContext context, string routeValue)
    {
        if (context.Features.Get<IHttpRequestFeature>()?.RawTarget is not { } rawTarget)
        {
            return routeValue;
        }

        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? rawTarget : rawTarget[..query]).Split('/');
        return segments.Length >= 3 ? Uri.UnescapeDataString(segments[^2]) : routeValue;
    }

    private static Exception? IncomingRequestFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BadHttpRequestException or InvalidDataException)
            {
                return exception;
            }
        }

        return null;
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, IReadOnlyList<UploadedFile>? uploaded = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (uploaded is { Count: > 0 })
        {
            problem.Extensions["uploaded"] = uploaded;
        }

        return TypedResults.Problem(problem);
    }
}
