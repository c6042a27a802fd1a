using System.Globalization;
using System.Runtime.InteropServices;

namespace Ditio.Documents.Testing.Internal;

/// <summary>
/// <c>dotnet run --project src/Ditio.Documents.Testing [-- --port N]</c>: serves an emulator until Ctrl+C and prints
/// what to point curl, Postman or the SDK at.
/// </summary>
internal static class EmulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = new DitioEmulatorOptions();
        var portIndex = Array.IndexOf(args, "--port");
        if (portIndex >= 0 && portIndex + 1 < args.Length)
        {
            options.Port = int.Parse(args[portIndex + 1], CultureInfo.InvariantCulture);
        }

        await using var emulator = await DitioEmulator.StartAsync(options);
        Console.WriteLine($"export DITIO_API_BASE={emulator.ApiBaseUrl}");
        Console.WriteLine($"export DITIO_IDENTITY_BASE={emulator.IdentityBaseUrl}");
        Console.WriteLine($"export DITIO_CLIENT_ID={emulator.ClientId}");
        Console.WriteLine($"export DITIO_CLIENT_SECRET={emulator.ClientSecret}");
        Console.WriteLine();
        Console.WriteLine($"Ditio emulator listening. Sample project {DitioEmulator.SampleProjectNumber} has id {DitioEmulator.SampleProjectId}.");
        Console.WriteLine("Try: TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=$DITIO_CLIENT_ID -d client_secret=$DITIO_CLIENT_SECRET -d scope=ditioapiv3 $DITIO_IDENTITY_BASE/connect/token | jq -r .access_token)");
        Console.WriteLine("     curl -H \"Authorization: Bearer $TOKEN\" $DITIO_API_BASE/api/v4/integration/projects");
        Console.WriteLine("Press Ctrl+C to stop.");

        var stop = new TaskCompletionSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task;
        Console.WriteLine("Stopping the Ditio emulator.");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
