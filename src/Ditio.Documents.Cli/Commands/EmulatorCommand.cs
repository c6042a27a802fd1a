using System.CommandLine;
using Ditio.Documents.Cli.Internal;

namespace Ditio.Documents.Cli.Commands;

/// <summary>
/// <c>ditio-docs emulator</c>: serves a Ditio emulator on 127.0.0.1 until Ctrl+C or SIGTERM. Its first four lines are
/// <c>export DITIO_API_BASE=...</c>, <c>DITIO_IDENTITY_BASE</c>, <c>DITIO_CLIENT_ID</c> and <c>DITIO_CLIENT_SECRET</c>,
/// for <c>eval</c> in a shell or a test to read. The emulator is the bundled ditio-emulator in a child process
/// (<see cref="EmulatorProcess"/>); its output is passed through.
/// </summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port")
        {
            Description = "The TCP port on 127.0.0.1 (default: a free one).",
            HelpName = "port",
            Validators = { r => { if (CliArguments.WholeNumber(r) is < 0 or > 65535) { r.AddError("--port must be between 0 and 65535."); } } },
        };
        var command = new Command(
            "emulator",
            "Serve a local Ditio emulator with sample data until Ctrl+C; first prints the four 'export DITIO_...' lines that point ditio-docs at it. Needs the ASP.NET Core runtime.")
        {
            port,
        };
        command.SetCliAction(async (context, parse, cancellationToken) =>
        {
            var emulator = await EmulatorProcess.StartAsync(parse.GetValue(port), cancellationToken);
            await using (emulator)
            {
                foreach (var line in emulator.Lines)
                {
                    context.Output.Line(line);
                }

                // The rest of its output, until it exits: on Ctrl+C (it gets the signal too) or when its stdin closes.
                var passThrough = PassThroughAsync(emulator.Output, context.Output);
                await Task.WhenAny(passThrough, Task.Delay(Timeout.Infinite, cancellationToken));
                await emulator.DisposeAsync();
                await passThrough;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task PassThroughAsync(StreamReader from, CliOutput to)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            to.Line(line);
        }
    }
}
