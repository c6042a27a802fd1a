using System.Runtime.InteropServices;
using System.Text;

namespace Ditio.Documents.Cli;

/// <summary>
/// <c>ditio-docs</c>: the first Ctrl+C or SIGTERM cancels the command (a transfer stops, the emulator shuts down);
/// a second Ctrl+C ends the process at once. Output is UTF-8 everywhere (Windows consoles and redirected output
/// included), so Norwegian file names and JSON survive.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
        return await CliApp.InvokeAsync(args, stop.Token);
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        stop.Cancel();
    }
}
