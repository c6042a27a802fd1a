namespace Ditio.Documents.Testing.Internal;

/// <summary>Keys of what the endpoints leave in <c>HttpContext.Items</c> for the journal.</summary>
internal static class EmulatorRequestItems
{
    public const string Parts = "Ditio.Emulator.Parts";
}
