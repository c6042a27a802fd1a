using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>What the emulator saw that changes documents: uploads and deletes.</summary>
internal static class SafetyJournal
{
    public static List<EmulatorRequest> Changes(this DitioEmulator emulator) =>
        [.. emulator.Journal.Where(r => r.Method is "POST" or "DELETE" && r.Path.Contains("/documents", StringComparison.Ordinal))];

    public static List<string> Names(this DitioEmulator emulator) =>
        [.. emulator.GetDocuments().Select(d => d.Name).Order(StringComparer.Ordinal)];

    public static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
