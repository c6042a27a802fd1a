using System.Text.Json;
using Ditio.Documents.NetStandardLibrary;

namespace Ditio.Documents.Tests.Json;

/// <summary>
/// An application's own source-generated JSON context (tests/Ditio.Documents.NetStandardLibrary/UserJson.cs, compiled
/// without access to the SDK's internals) takes the SDK's result types, and Ditio's lenient reading comes along.
/// </summary>
public sealed class UserJsonContextTests
{
    [Fact]
    public void AppsOwnSourceGeneratedContext_SerializesAndReadsTheSdksModels()
    {
        var project = DitioDocumentsModelFactory.DitioProject(id: "p1", projectNumber: "P-2026-001", name: "Fjellhall", active: true);
        var page = DitioDocumentsModelFactory.DocumentPage(section: "Tegninger", files: [DitioDocumentsModelFactory.DocumentPageFile("f1", "A1.pdf")]);

        var json = JsonSerializer.Serialize(new UserAnswer(project, [page]), UserJsonContext.Default.UserAnswer);
        var back = JsonSerializer.Deserialize("""{"project":{"id":17,"projectNumber":"P-1","active":"yes","startDate":"not a date"},"pages":[]}""", UserJsonContext.Default.UserAnswer)!;

        Assert.Contains("\"projectNumber\":\"P-2026-001\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fileReferenceId\":\"f1\"", json, StringComparison.Ordinal);
        Assert.Equal(("17", "P-1", true, (DateTimeOffset?)null), (back.Project.Id, back.Project.ProjectNumber, back.Project.Active, back.Project.StartDate));
    }

    [Fact]
    public void AppsOwnSourceGeneratedContext_LeavesOutAdditionalFields_AsTheReadmeSays()
    {
        var back = JsonSerializer.Deserialize("""{"project":{"id":"p1","budget":7},"pages":[]}""", UserJsonContext.Default.UserAnswer)!;

        Assert.Null(back.Project.AdditionalFields);
    }
}
