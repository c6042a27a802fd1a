using System.CommandLine;
using Ditio.Documents.Cli.Internal;
using Ditio.Documents.Testing;

namespace Ditio.Documents.Cli.Commands;

/// <summary>
/// <c>ditio-docs emulator</c>: serves a Ditio emulator on 127.0.0.1 until Ctrl+C or SIGTERM. Its first four lines are
/// <c>export DITIO_API_BASE=...</c>, <c>DITIO_IDENTITY_BASE</c>, <c>DITIO_CLIENT_ID</c> and <c>DITIO_CLIENT_SECRET</c>,
/// for <c>eval</c> in a shell or a test to read.
/// </summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port")
        {
            Description = "The TCP port on 127.0.0.1 (default: a free one).",
            HelpName = "port",
            Validators = { r => { if (r.GetValueOrDefault<int>() is < 0 or > 65535) { r.AddError("--port must be between 0 and 65535."); } } },
        };
        var command = new Command(
            "emulator",
            "Serve a local Ditio emulator with sample data until Ctrl+C; first prints the four 'export DITIO_...' lines that point ditio-docs at it.")
        {
            port,
        };
        command.SetCliAction(async (context, parse, cancellationToken) =>
        {
            await using var emulator = await DitioEmulator.StartAsync(new DitioEmulatorOptions { Port = parse.GetValue(port) }, cancellationToken);
            var output = context.Output;
            output.Line($"export {DitioSettings.ApiBaseVariable}={emulator.ApiBaseUrl}");
            output.Line($"export {DitioSettings.IdentityBaseVariable}={emulator.IdentityBaseUrl}");
            output.Line($"export {DitioSettings.ClientIdVariable}={emulator.ClientId}");
            output.Line($"export {DitioSettings.ClientSecretVariable}={emulator.ClientSecret}");
            output.Line();
            output.Line($"Ditio emulator listening. Sample project {DitioEmulator.SampleProjectNumber} has id {DitioEmulator.SampleProjectId}.");
            output.Line("Paste the export lines into another shell, then try: ditio-docs projects");
            output.Line("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                output.Line("Stopping the Ditio emulator.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
