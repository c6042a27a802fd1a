namespace Ditio.Documents.Testing.Internal;

/// <summary>The sample company the emulator starts with, in the guide's spirit.</summary>
internal static class SampleData
{
    public static void Seed(EmulatorStore store)
    {
        var fjellhall = store.AddProject(
            new DitioProject
            {
                Id = DitioEmulator.SampleProjectId,
                CompanyId = EmulatorStore.CompanyId,
                ProjectNumber = DitioEmulator.SampleProjectNumber,
                Name = "Prosjekt Fjellhall",
                Active = true,
                ExternalProjectNumber = "FH-2026",
                Description = "Fjellhall med adkomsttunnel",
                StartDate = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero),
                FinishedDatePlanned = new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero),
                ProjectCustomerName = "Statens vegvesen",
                ProjectAddress = "Fjellveien 1, 5003 Bergen",
                MainContactEmail = "prosjektleder@example.no",
            },
            EmulatorStore.CompanyId);
        store.AddWorkOrder(DitioEmulator.SampleWorkOrderId, fjellhall.Id, "WO-100", "Sprengning", "Sprengning adkomsttunnel");
        store.AddWorkOrder("66a1b2c3d4e5f6a7b8c9d0e3", fjellhall.Id, "WO-101", "Sikring", "Bolting og sprøytebetong");

        var awkward = store.AddProject(
            new DitioProject
            {
                Id = "65f1a2b3c4d5e6f7a8b9c0d2",
                CompanyId = EmulatorStore.CompanyId,
                ProjectNumber = DitioEmulator.SampleAwkwardProjectNumber,
                Name = "Ærfugl Øst, Å-kryss",
                Active = true,
            },
            EmulatorStore.CompanyId);
        store.AddWorkOrder("66a1b2c3d4e5f6a7b8c9d0e4", awkward.Id, "WO/ØST 1", "Grunnarbeid", null);

        store.AddProject(
            new DitioProject
            {
                Id = DitioEmulator.OtherCompanyProjectId,
                CompanyId = EmulatorStore.OtherCompanyId,
                ProjectNumber = "P-9999-001",
                Name = "Another company's project",
                Active = true,
            },
            EmulatorStore.OtherCompanyId);
    }
}
