namespace Ditio.Documents.Internal.Json;

/// <summary>The answer of a document listing, whatever its shape on the wire (see <see cref="DocumentPageListConverter"/>).</summary>
internal sealed class DocumentPageList(IReadOnlyList<DocumentPage> pages)
{
    public IReadOnlyList<DocumentPage> Pages { get; } = pages;
}
