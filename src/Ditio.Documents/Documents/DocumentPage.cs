namespace Ditio.Documents;

/// <summary>An Info Center page of a project's document folder: one section and the documents on it.</summary>
public sealed record DocumentPage
{
    /// <summary>Gets the section name (for example <c>Drawings</c>, or <c>Documents</c> for the default page).</summary>
    public string? Section { get; init; }

    /// <summary>Gets the stable handle of the page, such as <c>int-projdocs:{projectId}:drawings</c>.</summary>
    public string? PageExternalId { get; init; }

    /// <summary>Gets the documents on the page.</summary>
    public IReadOnlyList<DocumentPageFile> Files { get; init => field = value ?? []; } = [];
}
