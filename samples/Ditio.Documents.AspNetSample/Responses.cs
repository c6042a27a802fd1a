namespace Ditio.Documents.AspNetSample;

/// <summary>The answer to an upload: where the files landed and the documents created.</summary>
/// <param name="ProjectId">The Ditio id of the project.</param>
/// <param name="ProjectNumber">The project number.</param>
/// <param name="Section">The section (Info Center page) the files landed on.</param>
/// <param name="PageExternalId">The stable handle of that page.</param>
/// <param name="Files">The documents created, in the order of the request's parts.</param>
internal sealed record UploadResponse(string ProjectId, string ProjectNumber, string? Section, string? PageExternalId, IReadOnlyList<UploadedFile> Files);

/// <summary>A document created by an upload.</summary>
/// <param name="FileReferenceId">The handle to download or delete it.</param>
/// <param name="Name">The file name in Ditio.</param>
/// <param name="Size">The size in bytes, as Ditio reports it.</param>
internal sealed record UploadedFile(string? FileReferenceId, string Name, long? Size);

/// <summary>An Info Center page of the project.</summary>
/// <param name="Section">The section name.</param>
/// <param name="PageExternalId">The stable handle of the page.</param>
/// <param name="Files">The documents on it.</param>
internal sealed record PageResponse(string? Section, string? PageExternalId, IReadOnlyList<PageFileResponse> Files);

/// <summary>A document on a page.</summary>
/// <param name="FileReferenceId">The handle to download or delete it.</param>
/// <param name="Name">The file name.</param>
internal sealed record PageFileResponse(string FileReferenceId, string Name);
