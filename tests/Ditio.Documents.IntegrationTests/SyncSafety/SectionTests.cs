using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rule 6: a re-run is a no-op whatever section name Ditio reports back.</summary>
public sealed class SectionTests : IDisposable
{
    private readonly TestFiles _files = new();

    public static TheoryData<bool, string?, string?> Cases => new()
    {
        { false, null, null },
        { true, null, null },
        { false, null, "Dokumenter" },
        { true, null, "Arbeidsordre" },
        { false, "Drawings", "Tegninger" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rerun_WithTheSectionDitioReportsDifferentFromTheOneSent_SendsNothing(bool workOrder, string? section, string? reported)
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        sdk.Emulator.Faults.ReportSectionAs = reported;
        var target = workOrder ? sdk.WorkOrder : sdk.Project;
        _files.Write("a.pdf", 100);
        _files.Write("b.pdf", 100, seed: 2);

        var first = await sdk.Client.SyncFolderAsync(_files.Folder, target, new() { Section = section });
        sdk.Emulator.ClearJournal();
        var again = await sdk.Client.SyncFolderAsync(_files.Folder, target, new() { Section = section, DeleteRemoved = true });

        Assert.Equal(2, first.Added);
        Assert.Equal((2, 0, 0), (again.Unchanged, again.Replaced, again.Added));
        Assert.Empty(sdk.Emulator.Changes());
    }

    [Fact]
    public async Task WorkOrderDefaultPage_ASameNamedDocumentOfSomebodyElseOnIt_IsAConflictEvenBeforeThePageIsKnown()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        using (var theirs = new MemoryStream(new byte[10]))
        {
            await sdk.Client.UploadAsync(sdk.WorkOrder, [DocumentUploadFile.FromStream(theirs, "plan.pdf")]);
        }

        _files.Write("plan.pdf", 100);

        var result = await sdk.Client.SyncFolderAsync(_files.Folder, sdk.WorkOrder);

        Assert.Equal(DocumentSyncAction.Conflict, Assert.Single(result.Items).Action);
        Assert.Equal(10, sdk.Emulator.GetDocuments(DitioEmulator.SampleProjectId).Single().Size);
    }

    public void Dispose() => _files.Dispose();
}
