using Ditio.Documents.Testing.Internal;

namespace Ditio.Documents.Testing;

/// <summary>Documents put on a page directly, as if somebody else had uploaded them (another system, a person in Ditio's web app).</summary>
public sealed partial class DitioEmulator
{
    /// <summary>
    /// Adds a document to a project's page without going through the API, with any name at all (control characters,
    /// very long names), so a test can play "somebody else's document" or a hostile name.
    /// </summary>
    /// <param name="projectId">The project whose folder holds it.</param>
    /// <param name="name">The document's name, taken as it is.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="section">The section (page); <c>Documents</c>, the project's default page, when <see langword="null"/>.</param>
    /// <returns>The document as the emulator holds it.</returns>
    public EmulatedDocument AddDocument(string projectId, string name, byte[] content, string? section = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        section ??= "Documents";
        var path = _store.NewStoragePath();
        File.WriteAllBytes(path, content);
        var document = new EmulatedDocument
        {
            FileReferenceId = _store.NewId(),
            ProjectId = projectId,
            Section = section,
            PageExternalId = EmulatorStore.PageExternalId(projectId, section),
            Name = name,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            ContentType = "application/octet-stream",
            CreatedDateTime = Options.TimeProvider.GetUtcNow(),
            StoragePath = path,
        };
        return _store.Attach([document], replace: false).Created[0];
    }
}
