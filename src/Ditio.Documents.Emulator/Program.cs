using System.Globalization;
using System.Runtime.InteropServices;
using Ditio.Documents.Testing;

namespace Ditio.Documents.Emulator;

/// <summary>
/// <c>ditio-emulator [--port N] [--exit-when-stdin-closes]</c>: serves a Ditio emulator on 127.0.0.1 until Ctrl+C or
/// SIGTERM (or, when asked, until its standard input closes: how a parent such as ditio-docs ties the emulator's life to
/// its own). Its first four lines are <c>export DITIO_...=</c> lines, for <c>eval</c> in a shell or a parent to read.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: ditio-emulator [--port N] [--exit-when-stdin-closes]";

    public static async Task<int> Main(string[] args)
    {
        if (!TryParse(args, out var port, out var untilStdinCloses, out var error))
        {
            await Console.Error.WriteLineAsync($"ditio-emulator: error: {error}\n{Usage}");
            return 2;
        }

        await using var emulator = await DitioEmulator.StartAsync(new DitioEmulatorOptions { Port = port });
        Console.WriteLine($"export DITIO_API_BASE={emulator.ApiBaseUrl}");
        Console.WriteLine($"export DITIO_IDENTITY_BASE={emulator.IdentityBaseUrl}");
        Console.WriteLine($"export DITIO_CLIENT_ID={emulator.ClientId}");
        Console.WriteLine($"export DITIO_CLIENT_SECRET={emulator.ClientSecret}");
        Console.WriteLine();
        Console.WriteLine($"Ditio emulator listening. Sample project {DitioEmulator.SampleProjectNumber} has id {DitioEmulator.SampleProjectId}.");
        Console.WriteLine("Paste the export lines into another shell, then try: ditio-docs projects, or");
        Console.WriteLine("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=$DITIO_CLIENT_ID -d client_secret=$DITIO_CLIENT_SECRET -d scope=ditioapiv3 $DITIO_IDENTITY_BASE/connect/token | jq -r .access_token)");
        Console.WriteLine("  curl -H \"Authorization: Bearer $TOKEN\" $DITIO_API_BASE/api/v4/integration/projects");
        Console.WriteLine("Press Ctrl+C to stop.");

        var stop = new TaskCompletionSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        if (untilStdinCloses)
        {
            _ = Task.Run(async () =>
            {
                await Console.In.ReadToEndAsync();
                stop.TrySetResult();
            });
        }

        await stop.Task;
        Console.WriteLine("Stopping the Ditio emulator.");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    private static bool TryParse(string[] args, out int port, out bool untilStdinCloses, out string? error)
    {
        (port, untilStdinCloses, error) = (0, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535:
                    i++;
                    break;
                case "--port":
                    error = "--port needs a number between 0 and 65535 (0: a free port).";
                    return false;
                case "--exit-when-stdin-closes":
                    untilStdinCloses = true;
                    break;
                default:
                    error = $"unknown argument '{args[i]}'.";
                    return false;
            }
        }

        return true;
    }
}
