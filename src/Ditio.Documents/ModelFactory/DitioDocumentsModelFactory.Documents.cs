namespace Ditio.Documents;

public static partial class DitioDocumentsModelFactory
{
    /// <summary>Builds an Info Center page, as <see cref="IDitioDocumentsClient.GetPagesAsync"/> returns it.</summary>
    /// <param name="section">The section name.</param>
    /// <param name="pageExternalId">The page's handle; when <see langword="null"/>, Ditio's form <c>int-projdocs:{projectId}:{section}</c> with a placeholder project id.</param>
    /// <param name="files">The documents on the page; none when <see langword="null"/>.</param>
    /// <returns>The page.</returns>
    public static DocumentPage DocumentPage(string? section = "Documents", string? pageExternalId = null, IEnumerable<DocumentPageFile>? files = null) =>
        new()
        {
            Section = section,
            PageExternalId = pageExternalId ?? (section is null ? null : $"int-projdocs:project:{section.Trim().ToLowerInvariant()}"),
            Files = files?.ToList() ?? [],
        };

    /// <summary>Builds a document on a page.</summary>
    /// <param name="fileReferenceId">The file reference id.</param>
    /// <param name="name">The file name.</param>
    /// <returns>The document.</returns>
    public static DocumentPageFile DocumentPageFile(string fileReferenceId = "66b1a2c3d4e5f6a7b8c9d0e2", string name = "Document.pdf") =>
        new() { FileReferenceId = fileReferenceId, Name = name };

    /// <summary>Builds the result of an upload, as <see cref="IDitioDocumentsClient.UploadAsync"/> and <see cref="IDitioDocumentsClient.UploadFileAsync"/> return it.</summary>
    /// <param name="files">The documents created by the request; none when <see langword="null"/>.</param>
    /// <param name="pageFiles">Everything on the page afterwards; when <see langword="null"/>, the created documents.</param>
    /// <param name="section">The section.</param>
    /// <param name="pageExternalId">The page's handle.</param>
    /// <param name="message">Ditio's message.</param>
    /// <returns>The result.</returns>
    public static DocumentUploadResult DocumentUploadResult(
        IEnumerable<UploadedDocument>? files = null,
        IEnumerable<DocumentPageFile>? pageFiles = null,
        string? section = "Documents",
        string? pageExternalId = null,
        string? message = "Documents uploaded and attached ok")
    {
        var created = files?.ToList() ?? [];
        return new()
        {
            Files = created,
            PageFiles = pageFiles?.ToList() ?? [.. created.Select(f => DocumentPageFile(f.FileReferenceId ?? "", f.Name))],
            Section = section,
            PageExternalId = pageExternalId,
            Message = message,
            Successful = true,
        };
    }

    /// <summary>Builds a document created by an upload, with its file reference.</summary>
    /// <param name="fileReferenceId">The file reference id (the handle for download and delete).</param>
    /// <param name="name">The file name.</param>
    /// <param name="size">The size in bytes, if known.</param>
    /// <param name="createdDateTime">When Ditio stored it, if known.</param>
    /// <param name="url">The relative URL, if any.</param>
    /// <returns>The document.</returns>
    public static UploadedDocument UploadedDocument(
        string fileReferenceId = "66b1a2c3d4e5f6a7b8c9d0e2", string name = "Document.pdf", long? size = null, DateTimeOffset? createdDateTime = null, string? url = null) =>
        new()
        {
            Name = name,
            Size = size,
            Url = url ?? $"/api/file/{fileReferenceId}",
            FileReference = DocumentFileReference(fileReferenceId, name, size, createdDateTime),
        };

    /// <summary>Builds Ditio's record of a stored file.</summary>
    /// <param name="id">The file reference id.</param>
    /// <param name="fileNameOrig">The original file name.</param>
    /// <param name="fileSize">The size in bytes, if known.</param>
    /// <param name="createdDateTime">When Ditio stored it, if known.</param>
    /// <param name="fileType">The file type; when <see langword="null"/>, the name's extension without the dot.</param>
    /// <param name="collectionRef">Ditio's collection, such as <c>InfoMessage</c>.</param>
    /// <returns>The file reference.</returns>
    public static DocumentFileReference DocumentFileReference(
        string id = "66b1a2c3d4e5f6a7b8c9d0e2", string? fileNameOrig = null, long? fileSize = null, DateTimeOffset? createdDateTime = null, string? fileType = null, string? collectionRef = "InfoMessage") =>
        new()
        {
            Id = id,
            FileNameOrig = fileNameOrig,
            FileSize = fileSize,
            CreatedDateTime = createdDateTime,
            FileType = fileType ?? (fileNameOrig is null ? null : Path.GetExtension(fileNameOrig).TrimStart('.').ToLowerInvariant()),
            CollectionRef = collectionRef,
        };

    /// <summary>Builds one file's outcome in <see cref="IDitioDocumentsClient.UploadManyAsync"/>: uploaded with its document, or failed with why.</summary>
    /// <param name="file">The file as the caller gave it.</param>
    /// <param name="document">The document created, for an uploaded file.</param>
    /// <param name="error">Why it failed, for a failed file.</param>
    /// <returns>The outcome: <see cref="DocumentUploadStatus.Uploaded"/> when <paramref name="error"/> is null, else <see cref="DocumentUploadStatus.Failed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is null.</exception>
    /// <exception cref="ArgumentException">Both or neither of <paramref name="document"/> and <paramref name="error"/> are given.</exception>
    public static DocumentUploadOutcome DocumentUploadOutcome(DocumentUploadFile file, UploadedDocument? document = null, Exception? error = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        if ((document is null) == (error is null))
        {
            throw new ArgumentException("An outcome has either a document (uploaded) or an error (failed), not both or neither.", nameof(document));
        }

        return new() { File = file, Document = document, Error = error, Status = error is null ? DocumentUploadStatus.Uploaded : DocumentUploadStatus.Failed };
    }

    /// <summary>Builds the result of <see cref="IDitioDocumentsClient.UploadManyAsync"/>.</summary>
    /// <param name="outcomes">One outcome per file, in the order given.</param>
    /// <param name="requestCount">The requests sent; when <see langword="null"/>, one per uploaded file's request (at least 1 if any was uploaded).</param>
    /// <returns>The result.</returns>
    public static DocumentBatchUploadResult DocumentBatchUploadResult(IEnumerable<DocumentUploadOutcome>? outcomes = null, int? requestCount = null)
    {
        var list = outcomes?.ToList() ?? [];
        return new() { Outcomes = list, RequestCount = requestCount ?? (list.Exists(o => o.Status == DocumentUploadStatus.Uploaded) ? 1 : 0) };
    }

    /// <summary>Builds a download, as <see cref="IDitioDocumentsClient.DownloadAsync"/> returns it; disposing it disposes <paramref name="content"/>.</summary>
    /// <param name="content">The document's bytes; an empty stream when <see langword="null"/>.</param>
    /// <param name="fileName">The original file name, if known.</param>
    /// <param name="contentType">The media type.</param>
    /// <param name="contentLength">The length announced, if any; when <see langword="null"/> and <paramref name="content"/> is seekable, its length.</param>
    /// <returns>The download.</returns>
    public static DocumentDownload DocumentDownload(Stream? content = null, string? fileName = "Document.pdf", string contentType = "application/octet-stream", long? contentLength = null)
    {
        content ??= new MemoryStream([], writable: false);
        return new DocumentDownload(new HttpResponseMessage(System.Net.HttpStatusCode.OK), content, fileName, contentType, contentLength ?? (content.CanSeek ? content.Length : null));
    }

    /// <summary>Builds the result of <see cref="IDitioDocumentsClient.DownloadToFileAsync"/>.</summary>
    /// <param name="path">Where the document was written.</param>
    /// <param name="fileName">The original file name, if known.</param>
    /// <param name="contentType">The media type.</param>
    /// <param name="length">The bytes written.</param>
    /// <returns>The result.</returns>
    public static DownloadedDocument DownloadedDocument(string path = "Document.pdf", string? fileName = "Document.pdf", string contentType = "application/octet-stream", long length = 0) =>
        new() { Path = path, FileName = fileName, ContentType = contentType, Length = length };

    /// <summary>Builds a progress report, as the SDK passes to an <see cref="IProgress{T}"/> of <see cref="DocumentTransferProgress"/>.</summary>
    /// <param name="fileName">The file moving now.</param>
    /// <param name="fileBytesTransferred">Its bytes moved so far.</param>
    /// <param name="fileTotalBytes">Its length, if known.</param>
    /// <param name="bytesTransferred">All bytes moved so far in the operation; when <see langword="null"/>, <paramref name="fileBytesTransferred"/>.</param>
    /// <param name="totalBytes">All bytes of the operation, if known; when <see langword="null"/>, <paramref name="fileTotalBytes"/>.</param>
    /// <returns>The report.</returns>
    public static DocumentTransferProgress DocumentTransferProgress(
        string fileName = "Document.pdf", long fileBytesTransferred = 0, long? fileTotalBytes = null, long? bytesTransferred = null, long? totalBytes = null) =>
        new()
        {
            FileName = fileName,
            FileBytesTransferred = fileBytesTransferred,
            FileTotalBytes = fileTotalBytes,
            BytesTransferred = bytesTransferred ?? fileBytesTransferred,
            TotalBytes = totalBytes ?? fileTotalBytes,
        };
}
