using System.Net;
using Ditio.Documents.Internal.Downloads;
using Ditio.Documents.Internal.Errors;
using Ditio.Documents.Internal.Http;
using Ditio.Documents.Internal.Uploads;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public async Task<DocumentUploadResult> UploadAsync(
        DocumentTarget target,
        IEnumerable<DocumentUploadFile> files,
        DocumentUploadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one file is required.", nameof(files));
        }

        if (list.Exists(f => f is null))
        {
            throw new ArgumentException("The files must not contain null.", nameof(files));
        }

        if (list.Find(f => f.FilePath is not null && !File.Exists(f.FilePath)) is { } missing)
        {
            throw new ArgumentException($"The file '{missing.FilePath}' does not exist any more.", nameof(files));
        }

        var section = Guard.Section(options?.Section, $"{nameof(options)}.{nameof(DocumentUploadOptions.Section)}");
        var replace = options?.ReplaceExistingFilesWithSameName == true ? "true" : null;
        cancellationToken.ThrowIfCancellationRequested();

        using var content = new UploadContent(list, replacesByName: replace is not null);
        var route = $"/api/v4/integration/{target.RouteSegment}/{target.Id}/documents";
        var (result, status, path) = await SendAsync(
            HttpMethod.Post,
            route,
            ct => _api.UploadAsync(target.RouteSegment, target.Id, section, replace, content, transfer: true, ct),
            cancellationToken).ConfigureAwait(false);
        if (result!.Successful == false)
        {
            throw DitioErrors.Unsuccessful(status, HttpMethod.Post.Method, path, result.Message);
        }

        return result;
    }

    /// <inheritdoc />
    public Task<DocumentUploadResult> UploadFileAsync(
        DocumentTarget target,
        string filePath,
        DocumentUploadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        if (!File.Exists(filePath))
        {
            throw new ArgumentException($"The file '{filePath}' does not exist (or is a folder): only existing files can be uploaded.", nameof(filePath));
        }

        return UploadAsync(target, [DocumentUploadFile.FromPath(filePath)], options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentPage>> GetPagesAsync(DocumentTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (list, _, _) = await SendAsync(
            HttpMethod.Get,
            $"/api/v4/integration/{target.RouteSegment}/{target.Id}/documents",
            ct => _api.GetPagesAsync(target.RouteSegment, target.Id, ct),
            cancellationToken).ConfigureAwait(false);
        return list!.Pages;
    }

    /// <inheritdoc />
    public async Task<DocumentDownload> DownloadAsync(DocumentTarget target, string fileReferenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.Id(fileReferenceId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var route = $"/api/v4/integration/{target.RouteSegment}/{target.Id}/documents/{fileReferenceId}";
        HttpResponseMessage response;
        try
        {
            response = await _api.DownloadAsync(target.RouteSegment, target.Id, fileReferenceId, transfer: true, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw DitioErrors.FromException(ex, HttpMethod.Get.Method, route, cancellationToken);
        }

        try
        {
            var path = response.RequestMessage?.RequestUri?.PathAndQuery ?? route;
            if (!response.IsSuccessStatusCode)
            {
                var body = await HttpBodies.ReadErrorTextAsync(response.Content, cancellationToken).ConfigureAwait(false);
                throw DitioErrors.FromResponse(response, body, HttpMethod.Get.Method, path, _time);
            }

            var headers = response.Content.Headers;
            var disposition = headers.NonValidated.TryGetValues("Content-Disposition", out var values) ? values.ToString() : null;
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new DocumentDownload(
                response,
                stream,
                ContentDispositionParser.GetFileName(disposition),
                headers.ContentType?.ToString() ?? MediaTypes.OctetStream,
                headers.ContentLength);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<DownloadedDocument> DownloadToFileAsync(
        DocumentTarget target,
        string fileReferenceId,
        string destinationPath,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.Id(fileReferenceId);
        var fullPath = FileDestination.Check(destinationPath, nameof(destinationPath));
        var download = await DownloadAsync(target, fileReferenceId, cancellationToken).ConfigureAwait(false);
        await using (download.ConfigureAwait(false))
        {
            var path = $"/api/v4/integration/{target.RouteSegment}/{target.Id}/documents/{fileReferenceId}";
            var length = await FileDestination.WriteAsync(download, fullPath, path, cancellationToken).ConfigureAwait(false);
            return new DownloadedDocument
            {
                Path = fullPath,
                FileName = download.FileName,
                ContentType = download.ContentType,
                Length = length,
            };
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(DocumentTarget target, string fileReferenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.Id(fileReferenceId);
        return SendAsync(
            HttpMethod.Delete,
            $"/api/v4/integration/{target.RouteSegment}/{target.Id}/documents/{fileReferenceId}",
            ct => _api.DeleteAsync(target.RouteSegment, target.Id, fileReferenceId, ct),
            cancellationToken);
    }
}
