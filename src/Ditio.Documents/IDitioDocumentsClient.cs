namespace Ditio.Documents;

/// <summary>
/// Looks up Ditio projects and work orders, and uploads, lists, downloads and deletes their documents.
/// </summary>
/// <remarks>
/// Get one from dependency injection after <c>services.AddDitioDocuments(...)</c>, or make one with
/// <see cref="DitioDocumentsClient.Create(DitioDocumentsOptions, Microsoft.Extensions.Logging.ILoggerFactory?)"/>.
/// Every method checks its arguments before sending anything, and reports failures as <see cref="DitioApiException"/>
/// or <see cref="DitioAuthenticationException"/>.
/// </remarks>
public interface IDitioDocumentsClient
{
    /// <summary>Lists every project of the API client's company.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The projects.</returns>
    /// <exception cref="DitioApiException">Ditio refused or failed the call, or did not answer.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<IReadOnlyList<DitioProject>> GetProjectsAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds a project by its human project number, such as <c>P-2026-001</c>.</summary>
    /// <param name="projectNumber">The project number (free text; it is escaped in the URL).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project, or <see langword="null"/> when Ditio answers 404 (no such project, or not your company's).</returns>
    /// <exception cref="ArgumentException"><paramref name="projectNumber"/> is null, empty or whitespace.</exception>
    /// <exception cref="DitioApiException">Ditio refused or failed the call (other than 404), or did not answer.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<DitioProject?> FindProjectByNumberAsync(string projectNumber, CancellationToken cancellationToken = default);

    /// <summary>Lists the work orders of a project.</summary>
    /// <param name="projectId">The Ditio id of the project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The work orders.</returns>
    /// <exception cref="ArgumentException"><paramref name="projectId"/> is null, empty, whitespace, or contains <c>/ ? # %</c> or <c>..</c>.</exception>
    /// <exception cref="DitioApiException">Ditio refused or failed the call, or did not answer.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<IReadOnlyList<DitioWorkOrder>> GetWorkOrdersAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary>Uploads one or more files to a project or work order in one request.</summary>
    /// <param name="target">The project or work order.</param>
    /// <param name="files">The files; each is sent as a part named <c>file</c>, streamed.</param>
    /// <param name="options">The section and replace setting; <see langword="null"/> for Ditio's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The documents created and everything on the page afterwards.</returns>
    /// <exception cref="ArgumentException">No files, a null file, or a whitespace-only section.</exception>
    /// <exception cref="DitioApiException">Ditio refused the upload (<see cref="DitioFailureKind.Unsuccessful"/> when it said <c>successful: false</c>), failed, or did not answer.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<DocumentUploadResult> UploadAsync(
        DocumentTarget target,
        IEnumerable<DocumentUploadFile> files,
        DocumentUploadOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads many files, split into requests that each stay under Ditio's request limit (multipart framing counted),
    /// up to <see cref="DitioTransferOptions.MaxParallelRequests"/> at a time, and reports each file's outcome.
    /// </summary>
    /// <remarks>
    /// A file that breaks one of Ditio's rules (a refused type, an SVG over the limit, a file too large for any
    /// request) fails before anything is sent, naming the file and the rule, while the other files still go. A failed
    /// request fails only its own files. A file of unknown length (a forward-only stream) goes in a request of its own.
    /// </remarks>
    /// <param name="target">The project or work order.</param>
    /// <param name="files">The files, in the order their outcomes are reported.</param>
    /// <param name="options">The section, replace setting and progress; <see langword="null"/> for Ditio's defaults.</param>
    /// <param name="cancellationToken">Cancels the uploads still running; files already stored stay stored.</param>
    /// <returns>One outcome per file (uploaded with its file reference id, or failed with why) and the number of requests sent.</returns>
    /// <exception cref="ArgumentException">No files, a null file, or a whitespace-only section.</exception>
    Task<DocumentBatchUploadResult> UploadManyAsync(
        DocumentTarget target,
        IEnumerable<DocumentUploadFile> files,
        DocumentUploadOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Uploads one file on disk to a project or work order.</summary>
    /// <param name="target">The project or work order.</param>
    /// <param name="filePath">The path of the file; its name becomes the document's name.</param>
    /// <param name="options">The section and replace setting; <see langword="null"/> for Ditio's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The document created and everything on the page afterwards.</returns>
    /// <exception cref="ArgumentException"><paramref name="filePath"/> names no existing file, or the section is whitespace.</exception>
    /// <exception cref="DitioApiException">Ditio refused the upload, failed, or did not answer.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<DocumentUploadResult> UploadFileAsync(
        DocumentTarget target,
        string filePath,
        DocumentUploadOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the Info Center pages (sections) of a project or work order and the documents on each.</summary>
    /// <param name="target">The project or work order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="DitioApiException">Ditio refused or failed the call, or did not answer.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<IReadOnlyList<DocumentPage>> GetPagesAsync(DocumentTarget target, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the text Ditio shows above a project's document folder (no section) or above one of its pages (a section).
    /// </summary>
    /// <remarks>
    /// The folder and the page must exist already: Ditio makes them with the first upload to them, and answers 404 until
    /// then. Ditio documents this call for projects only; a work order's page lives in its project's folder, so describe
    /// it on the project with the page's section.
    /// </remarks>
    /// <param name="target">The project (a work-order target is refused).</param>
    /// <param name="description">The text, at most 10,000 characters; <see langword="null"/> clears it.</param>
    /// <param name="section">The page; <see langword="null"/> for the project's folder itself.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The folder or page as Ditio answered: its external id, title and description.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> is a work order, <paramref name="section"/> is whitespace, or <paramref name="description"/> is longer than 10,000 characters.</exception>
    /// <exception cref="DitioApiException">Ditio refused or failed the call (404: no such folder or page yet; 400: text refused), or did not answer.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<DocumentDescription> SetDescriptionAsync(
        DocumentTarget target,
        string? description,
        string? section = null,
        CancellationToken cancellationToken = default);

    /// <summary>Starts downloading a document; its bytes are read from the returned stream as they arrive.</summary>
    /// <param name="target">The project or work order the document is on.</param>
    /// <param name="fileReferenceId">The document's file reference id, from an upload or a listing.</param>
    /// <param name="progress">Where progress is reported as the stream is read, if anywhere.</param>
    /// <param name="cancellationToken">Cancels the call (not the reading of the stream: pass a token to its reads).</param>
    /// <returns>
    /// The download; dispose it when done. Its stream checks the byte count against <c>Content-Length</c> and throws
    /// <see cref="DitioApiException"/> when the body breaks off or a read waits longer than the stall timeout.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="fileReferenceId"/> is not a valid id.</exception>
    /// <exception cref="DitioApiException">Ditio refused or failed the call (404: the document is not on that target), or did not answer.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<DocumentDownload> DownloadAsync(
        DocumentTarget target,
        string fileReferenceId,
        IProgress<DocumentTransferProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads a document to a file. The bytes go to a temporary file beside it, which is moved into place only when
    /// complete and of the announced length, so an interrupted download never leaves a partial file under that name.
    /// A body that breaks off is downloaded again from the start, up to <see cref="DitioRetryOptions.MaxRetryAttempts"/> times.
    /// </summary>
    /// <param name="target">The project or work order the document is on.</param>
    /// <param name="fileReferenceId">The document's file reference id.</param>
    /// <param name="destinationPath">The file to write; an existing file is replaced. Its folder must exist.</param>
    /// <param name="progress">Where progress is reported, if anywhere.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>Where the document was written, its original name and its length.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileReferenceId"/> is not a valid id, or <paramref name="destinationPath"/> is empty or its folder does not exist.</exception>
    /// <exception cref="DitioApiException">Ditio refused or failed the call, did not answer, or sent fewer or more bytes than announced.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<DownloadedDocument> DownloadToFileAsync(
        DocumentTarget target,
        string fileReferenceId,
        string destinationPath,
        IProgress<DocumentTransferProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Mirrors a local folder to a project or work order: new files are uploaded, changed files (size, then SHA-256)
    /// replace the document this sync uploaded for them, unchanged files are not sent, and, when asked, documents this
    /// sync uploaded whose files are gone are deleted. Documents anybody else put on the page are never touched.
    /// </summary>
    /// <remarks>
    /// <para>State lives in a manifest (folder, target, section, format version; per file its size, SHA-256 and file
    /// reference id) written atomically before and after each request, so a sync interrupted at any point and run again
    /// ends with every file present once. A manifest written for another folder, target or section, a corrupt one or
    /// one of an unknown version stops the sync before anything is sent.</para>
    /// <para>A document is this sync's only when the manifest recorded uploading it. A same-named document on the page
    /// that it did not upload (also after the manifest was lost) is a conflict, left alone, unless
    /// <see cref="DocumentSyncOptions.ReplaceExisting"/>. Two local files that would land on one page under the same
    /// name (or names differing only in case) are conflicts and not uploaded. Created documents are matched to files by
    /// name, never by their order in Ditio's answer. A rename or move replaces the old document.</para>
    /// <para>Deletes (<see cref="DocumentSyncOptions.DeleteRemoved"/>) are refused, and reported as failed, after any
    /// failure in the same run, when the folder holds no files, and when more than
    /// <see cref="DocumentSyncOptions.MaxDelete"/> would go.</para>
    /// <para>Symbolic links are skipped unless <see cref="DocumentSyncOptions.FollowSymlinks"/>; nothing whose real
    /// path is outside the folder is ever sent. Junk files and <see cref="DocumentSyncOptions.Exclude"/> patterns are
    /// left out. An entry that cannot be read or uploaded is a failed item; the rest goes on.</para>
    /// </remarks>
    /// <param name="folder">The local folder.</param>
    /// <param name="target">The project or work order.</param>
    /// <param name="options">Section, sections from folders, delete and its cap, replace existing, links, exclusions, dry run, manifest path, progress.</param>
    /// <param name="cancellationToken">Cancels the sync; what was done is in the manifest.</param>
    /// <returns>One item per entry (added, replaced, unchanged, deleted, conflict, failed, skipped, excluded, with why) and the counts.</returns>
    /// <exception cref="ArgumentException"><paramref name="folder"/> does not exist, or an option is invalid.</exception>
    /// <exception cref="DitioSyncManifestException">The manifest is corrupt, of an unknown version, or another folder's, target's or section's: nothing was sent.</exception>
    /// <exception cref="DitioApiException">The page listing failed (nothing was changed).</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task<DocumentSyncResult> SyncFolderAsync(
        string folder,
        DocumentTarget target,
        DocumentSyncOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a document from a project or work order.</summary>
    /// <remarks>
    /// A delete is retried like a lookup. If a retry finds the document gone (404) because an earlier attempt deleted it
    /// and its answer was lost, the delete has succeeded; a 404 on the first attempt is an error.
    /// </remarks>
    /// <param name="target">The project or work order the document is on.</param>
    /// <param name="fileReferenceId">The document's file reference id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Ditio has deleted the document.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileReferenceId"/> is not a valid id.</exception>
    /// <exception cref="DitioApiException">Ditio refused or failed the call (404: no such document on that target), or did not answer.</exception>
    /// <exception cref="DitioAuthenticationException">No access token could be had.</exception>
    Task DeleteAsync(DocumentTarget target, string fileReferenceId, CancellationToken cancellationToken = default);
}
